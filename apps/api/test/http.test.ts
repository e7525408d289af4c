import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_SIZE } from '@canteen/shared';
import { createApp, type AppOptions } from '../src/app';
import type { Deps } from '../src/deps';
import { createTestDeps, getTestOrm, makeProduct, makeUser, silentLogger, TEST_PASSWORD } from './helpers';

const makeApp = async (options: Partial<AppOptions> = {}) =>
  createApp({
    orm: await getTestOrm(),
    logger: silentLogger,
    deps: createTestDeps(),
    cookieSecure: true,
    trustProxy: false,
    trustedOrigins: [],
    ...options,
  });

let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  app = await makeApp();
});

const bearer = async (deps: Deps, role: 'employee' | 'manager' = 'employee') => {
  const user = await makeUser(await getTestOrm(), { role });
  return { authorization: `Bearer ${(await deps.tokens.sign(user.id)).token}` };
};

type ErrorBody = {
  error: { message: string; code: number; data: { code: string; httpStatus: number; reason: string | null; path: string } };
};

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

  it("answers wallet.balance with no input at all with the caller's own wallet (DESIGN: { userId? })", async () => {
    const deps = createTestDeps();
    const own = await makeApp({ deps });
    const response = await own.request('/trpc/wallet.balance', { headers: await bearer(deps) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { totalCents: number } } };
    expect(body.result.data.totalCents).toBe(0);
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

describe('rate limits', () => {
  it('counts procedure calls, not requests: 70 batches of 20 auth.me stop at the budget of 1,200 calls', async () => {
    const deps = createTestDeps({ apiPerMinute: 1200 });
    const limited = await makeApp({ deps });
    const headers = await bearer(deps);
    const batch = `/trpc/${Array.from({ length: 20 }, () => 'auth.me').join(',')}?batch=1`;
    let callsRun = 0;
    let firstRefused = -1;
    for (let request = 0; request < 70; request++) {
      const response = await limited.request(batch, { headers });
      if (response.status === 200) {
        callsRun += ((await response.json()) as unknown[]).length;
        continue;
      }
      expect(response.status).toBe(429);
      if (firstRefused < 0) {
        firstRefused = request;
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
        // A well-formed tRPC batch answer: one error per call, which the web app shows as "Too many attempts".
        const body = (await response.json()) as ErrorBody[];
        expect(body).toHaveLength(20);
        expect(body[0]?.error.data).toMatchObject({
          code: 'TOO_MANY_REQUESTS',
          httpStatus: 429,
          reason: 'RATE_LIMITED',
          path: 'auth.me',
        });
        expect(body[0]?.error.code).toBe(-32029);
      }
    }
    expect(firstRefused).toBe(60);
    expect(callsRun).toBe(1200);
  });

  it('charges every call of a batch, percent-encoded commas too, and answers a single call with one error', async () => {
    const deps = createTestDeps({ apiPerMinute: 5 });
    const limited = await makeApp({ deps });
    const headers = await bearer(deps);
    // 3 of 5 spent, then 3 more do not fit (had the encoded batch cost 1, they would).
    expect((await limited.request('/trpc/auth.me%2Cauth.me%2Cauth.me?batch=1', { headers })).status).toBe(200);
    expect((await limited.request('/trpc/auth.me,auth.me,auth.me?batch=1', { headers })).status).toBe(429);
    const refused = await limited.request('/trpc/auth.me', { headers });
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED', path: 'auth.me' });
  });

  it('gives each signed-in user a mutation budget that another user does not share', async () => {
    const deps = createTestDeps({ mutationsPerMinute: 3 });
    const limited = await makeApp({ deps });
    const [first, second] = [await bearer(deps), await bearer(deps)];
    const logout = (headers: Record<string, string>) =>
      limited.request('/trpc/auth.logout', {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json', origin: 'http://localhost', ...headers },
      });
    for (let call = 0; call < 3; call++) expect((await logout(first)).status).toBe(200);
    const refused = await logout(first);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as ErrorBody).error.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
    // A refused or invalid mutation still spends the budget, and queries never do.
    expect((await limited.request('/trpc/auth.me', { headers: first })).status).toBe(200);
    expect((await logout(second)).status).toBe(200);
    const invalid = await limited.request('/trpc/order.place', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json', ...second },
    });
    expect(invalid.status).toBe(400);
    expect((await logout(second)).status).toBe(200);
    expect((await logout(second)).status).toBe(429);
  });
});

const logoutFrom = (target: ReturnType<typeof createApp>, url: string, origin: string) =>
  target.request(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', origin } });

describe('origins and framing', () => {
  it('forbids framing in both the CSP and the older header, without contradiction', async () => {
    const response = await app.request('/health/live');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('without PUBLIC_URL, takes our own origin from the request', async () => {
    expect((await logoutFrom(app, 'http://canteen.internal:8080/trpc/auth.logout', 'http://canteen.internal:8080')).status).toBe(
      200,
    );
    const foreign = await logoutFrom(app, 'http://canteen.internal:8080/trpc/auth.logout', 'https://canteen.example.com');
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as ErrorBody).error.data.reason).toBe('ORIGIN_REJECTED');
  });

  it('with PUBLIC_URL, trusts its origin and no longer whatever the Host header says', async () => {
    const behindProxy = await makeApp({ publicOrigin: 'https://canteen.example.com' });
    expect((await logoutFrom(behindProxy, 'http://10.0.0.5:3000/trpc/auth.logout', 'https://canteen.example.com')).status).toBe(
      200,
    );
    const spoofed = await logoutFrom(behindProxy, 'http://evil.example/trpc/auth.logout', 'http://evil.example');
    expect(spoofed.status).toBe(403);
    expect(((await spoofed.json()) as ErrorBody).error.data.reason).toBe('ORIGIN_REJECTED');
  });
});

describe('compression and static files', () => {
  let webDist: string;
  const entry = `console.log(${JSON.stringify('canteen '.repeat(400))});`;
  const html = `<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body>${'<!-- pad -->'.repeat(100)}</body></html>`;

  beforeAll(() => {
    webDist = mkdtempSync(join(tmpdir(), 'canteen-web-'));
    mkdirSync(join(webDist, 'assets'));
    for (const [name, text] of [
      ['index.html', html],
      ['assets/index-abc123.js', entry],
    ] as const) {
      writeFileSync(join(webDist, name), text);
      writeFileSync(join(webDist, `${name}.br`), brotliCompressSync(text));
      writeFileSync(join(webDist, `${name}.gz`), gzipSync(text));
    }
    writeFileSync(join(webDist, 'assets/index-abc123.js.map'), '{"version":3}');
  });
  afterAll(() => rmSync(webDist, { recursive: true, force: true }));

  it('serves the precompressed file the client accepts, with immutable caching and Vary', async () => {
    const web = await makeApp({ webDist });
    const get = (path: string, encoding?: string) =>
      web.request(path, { headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });

    const br = await get('/assets/index-abc123.js', 'gzip, deflate, br, zstd');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(entry);

    const gz = await get('/assets/index-abc123.js', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(entry);

    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(await plain.text()).toBe(entry);
  });

  it('never serves source maps, answers a missing asset with 404 and every page with the app, revalidated', async () => {
    const web = await makeApp({ webDist });
    expect((await web.request('/assets/index-abc123.js.map')).status).toBe(404);
    expect((await web.request('/assets/gone-000000.js')).status).toBe(404);
    for (const path of ['/', '/menu', '/wallet/history']) {
      const page = await web.request(path, { headers: { 'accept-encoding': 'br' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('content-encoding')).toBe('br');
      expect(brotliDecompressSync(Buffer.from(await page.arrayBuffer())).toString()).toBe(html);
    }
    expect((await web.request('/trpc/no.such.procedure')).headers.get('content-type')).toMatch(/json/);
  });

  it('gzips JSON answers above the threshold and leaves small ones alone', async () => {
    const orm = await getTestOrm();
    for (let dish = 0; dish < 12; dish++)
      await makeProduct(orm, { description: `A generous test dish. ${'Tasty. '.repeat(30)}` });
    const deps = createTestDeps();
    const headers = { ...(await bearer(deps)), 'accept-encoding': 'gzip, deflate, br' };
    const json = await makeApp({ deps, compressMinBytes: 1024 });

    const large = await json.request(`/trpc/product.list?input=${encodeURIComponent(JSON.stringify({ limit: 50 }))}`, {
      headers,
    });
    expect(large.status).toBe(200);
    expect(large.headers.get('content-encoding')).toBe('gzip');
    expect(large.headers.get('vary')).toMatch(/Accept-Encoding/);
    const compressed = Buffer.from(await large.arrayBuffer());
    const body = JSON.parse(gunzipSync(compressed).toString()) as { result: { data: { items: unknown[] } } };
    expect(body.result.data.items).toHaveLength(12);
    expect(compressed.length).toBeLessThan(JSON.stringify(body).length / 3);

    const small = await json.request('/trpc/auth.me', { headers });
    expect(small.status).toBe(200);
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(Number(small.headers.get('content-length'))).toBeLessThan(1024);
  });
});
