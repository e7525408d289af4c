import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, MAX_BATCH_SIZE } from '../src/app';
import { createTestDeps, getTestOrm, makeUser, silentLogger, TEST_PASSWORD } from './helpers';

let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  app = createApp({
    orm: await getTestOrm(),
    logger: silentLogger,
    deps: createTestDeps(),
    cookieSecure: true,
    trustProxy: false,
    trustedOrigins: [],
  });
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('HTTP surface', () => {
  it('answers health checks with secure headers', async () => {
    const live = await app.request('/health/live');
    expect(live.status).toBe(200);
    expect(live.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(live.headers.get('x-content-type-options')).toBe('nosniff');
    expect(live.headers.get('x-request-id')).toBeTruthy();
    expect(await (await app.request('/health/ready')).json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('signs in over plain JSON and sets a hardened refresh cookie', async () => {
    const user = await makeUser(await getTestOrm());
    const response = await post(
      '/trpc/auth.login',
      { email: user.email, password: TEST_PASSWORD },
      { origin: 'http://localhost' },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { accessToken: string; user: { email: string } } } };
    expect(body.result.data.user.email).toBe(user.email);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/canteen_refresh=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\/trpc/);

    const me = await app.request('/trpc/auth.me', { headers: { authorization: `Bearer ${body.result.data.accessToken}` } });
    expect(me.status).toBe(200);
  });

  it('turns bad client input into 4xx with a typed error, never a 500, and hides stack traces', async () => {
    const invalid = await post('/trpc/auth.login', { email: 'nope' });
    expect(invalid.status).toBe(400);
    const error = (await invalid.json()) as {
      error: { data: { code: string; zodError: { fieldErrors: Record<string, string[]> }; stack?: string } };
    };
    expect(error.error.data.code).toBe('BAD_REQUEST');
    expect(error.error.data.zodError.fieldErrors.email).toBeDefined();
    expect(error.error.data.stack).toBeUndefined();
    expect((await post('/trpc/auth.login', '{not json')).status).toBe(400);
    expect((await app.request('/trpc/no.such.procedure')).status).toBe(404);
    expect((await app.request('/trpc/user.list')).status).toBe(401);
    expect((await app.request('/trpc/user.list?input=%7B%22limit%22%3A%22x%22%7D')).status).toBe(401);
    expect((await post('/trpc/auth.login', 'x'.repeat(2 * 1024 * 1024))).status).toBe(413);
  });

  it('rejects batches above the server limit', async () => {
    const paths = Array.from({ length: MAX_BATCH_SIZE + 1 }, () => 'auth.me').join(',');
    const response = await app.request(`/trpc/${paths}?batch=1&input=%7B%7D`);
    expect(response.status).toBe(400);
  });

  it('rejects a refresh that comes from another origin', async () => {
    const response = await post('/trpc/auth.refresh', {}, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });
});
