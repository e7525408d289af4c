import { describe, expect, it } from 'vitest';
import { Product, User } from '@canteen/db';
import { createApp } from '../src/app';
import type { MenuCache } from '../src/lib/menu-cache';
import { createMemoryMenuCache } from '../src/lib/menu-cache';
import { createTestCaller, createTestDeps, makeCast, makeProduct, silentLogger } from './helpers';
import { getTestOrm } from './db';

const orm = await getTestOrm();

/** A menu cache that counts the whole answers it served. */
const countingCache = (): MenuCache & { served: () => number } => {
  const cache = createMemoryMenuCache();
  let served = 0;
  return {
    ...cache,
    responses: {
      ...cache.responses,
      get: (key) => {
        const hit = cache.responses.get(key);
        if (hit) served += 1;
        return hit;
      },
    },
    served: () => served,
  };
};

type Page = { result: { data: { items: { id: string; priceCents: number }[] } } };
const itemsOf = async (response: Response) => ((await response.json()) as Page).result.data.items;

const setup = async () => {
  const cast = await makeCast(orm);
  const menuCache = countingCache();
  const deps = createTestDeps({ menuCache });
  const app = createApp({ orm, logger: silentLogger, deps, cookieSecure: false, trustProxy: false, trustedOrigins: [] });
  const tokenOf = async (user: User) => (await deps.tokens.sign(user.id)).token;
  const menu = (token: string | null, input: unknown = { limit: 50 }, headers: Record<string, string> = {}) =>
    app.request(`/trpc/product.list?input=${encodeURIComponent(JSON.stringify(input))}`, {
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });
  return { ...cast, deps, menuCache, app, tokenOf, menu };
};

describe('the menu answered from whole cached answers, with ETags (lib/menu-responses.ts)', () => {
  it('serves the same bytes again without tRPC, and a 304 for the ETag it gave', async () => {
    const { employee, tokenOf, menu, menuCache } = await setup();
    const dish = await makeProduct(orm, { name: 'Cached curry' });
    const token = await tokenOf(employee);
    const first = await menu(token);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const body = await first.text();
    expect(JSON.parse(body).result.data.items.map((p: { id: string }) => p.id)).toContain(dish.id);

    const second = await menu(token);
    expect(await second.text()).toBe(body);
    expect(second.headers.get('etag')).toBe(etag);
    expect(second.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(menuCache.served()).toBe(1);

    const revalidated = await menu(token, { limit: 50 }, { 'if-none-match': etag! });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect(revalidated.headers.get('etag')).toBe(etag);
    // Secure headers still apply to an answer from the cache.
    expect(revalidated.headers.get('x-content-type-options')).toBe('nosniff');
    const other = await menu(token, { limit: 50 }, { 'if-none-match': '"something-else"' });
    expect(other.status).toBe(200);
  });

  it('drops the answers at a menu write, so the old ETag gets the new menu', async () => {
    const { employee, manager, deps, tokenOf, menu } = await setup();
    const dish = await makeProduct(orm, { name: 'Lentil soup', priceCents: 450 });
    const token = await tokenOf(employee);
    const before = await menu(token);
    const etag = before.headers.get('etag')!;
    const caller = await createTestCaller({ user: manager, deps });
    await caller.product.update({ id: dish.id, priceCents: 520 });
    const after = await menu(token, { limit: 50 }, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const items = await itemsOf(after);
    expect(items.find((p) => p.id === dish.id)?.priceCents).toBe(520);
  });

  it('decides who may have it as tRPC does: not signed in, deactivated, or erased get no cached answer', async () => {
    const { employee, tokenOf, menu, menuCache } = await setup();
    const token = await tokenOf(employee);
    expect((await menu(token)).status).toBe(200);
    expect((await menu(null)).status).toBe(401);
    expect((await menu('not-a-token')).status).toBe(401);
    const em = orm.em.fork();
    const row = await em.findOneOrFail(User, employee.id);
    row.isActive = false;
    await em.flush();
    const refused = await menu(token);
    expect(refused.status).toBe(401);
    expect(menuCache.served()).toBe(0);
  });

  it('keeps answers per role: a manager sees archived dishes, an employee with the same input never gets that answer', async () => {
    const { employee, manager, tokenOf, menu } = await setup();
    const archived = await makeProduct(orm, { name: 'Old stew' });
    const em = orm.em.fork();
    (await em.findOneOrFail(Product, archived.id)).isActive = false;
    await em.flush();
    const input = { limit: 100, includeArchived: true };
    const managers = await itemsOf(await menu(await tokenOf(manager), input));
    expect(managers.map((p) => p.id)).toContain(archived.id);
    const employees = await itemsOf(await menu(await tokenOf(employee), input));
    expect(employees.map((p) => p.id)).not.toContain(archived.id);
  });

  it('leaves batches, mutations and other procedures to tRPC, and caches no error', async () => {
    const { employee, tokenOf, app, menuCache } = await setup();
    const token = await tokenOf(employee);
    const missing = `/trpc/product.byId?input=${encodeURIComponent(JSON.stringify({ id: '01890a5d-ac96-774b-bcce-b302099a8057' }))}`;
    for (let i = 0; i < 2; i++) {
      const response = await app.request(missing, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(404);
      expect(response.headers.get('etag')).toBeNull();
    }
    const batch = await app.request(`/trpc/product.list,category.list?batch=1&input=${encodeURIComponent('{"0":{},"1":{}}')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(batch.status).toBe(200);
    expect(batch.headers.get('etag')).toBeNull();
    expect(menuCache.served()).toBe(0);
  });
});
