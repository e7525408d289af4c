import { createMemoryMenuCache } from '../src/lib/menu-cache';
import { describe, expect, it } from 'vitest';
import { Order, Payer, Product, WalletEntry } from '@canteen/db';
import { createApp } from '../src/app';
import {
  createTestCaller,
  createTestDeps,
  fund,
  getTestOrm,
  newIdempotencyKey,
  makeCast,
  makeDepartment,
  makePayer,
  makeProduct,
  makeUser,
  silentLogger,
} from './helpers';

const orm = await getTestOrm();

const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
const badRequest = { code: 'BAD_REQUEST' };
const countOf = async (entity: typeof Order | typeof WalletEntry) =>
  entity === Order ? orm.em.fork().count(Order, {}) : orm.em.fork().count(WalletEntry, {});

describe('issue 7.1: text PostgreSQL cannot store is refused with BAD_REQUEST', () => {
  it('refuses NUL bytes and lone surrogates in every kind of string input', async () => {
    const { employee, manager, admin } = await makeCast(orm);
    const product = await makeProduct(orm);
    const asEmployee = await createTestCaller({ user: employee });
    const asManager = await createTestCaller({ user: manager });
    const asAdmin = await createTestCaller({ user: admin });
    await expect(asEmployee.department.list({ search: 'a\u0000' })).rejects.toMatchObject(badRequest);
    for (const idempotencyKey of ['abcdefgh\u0000ij', 'abcdefgh\ud800xyz', 'abcdefgh\udc00xyz']) {
      await expect(
        asEmployee.order.place({ items: [{ productId: product.id, quantity: 1 }], idempotencyKey }),
      ).rejects.toMatchObject(badRequest);
    }
    await expect(asEmployee.review.create({ productId: product.id, rating: 5, comment: 'good\u0000food' })).rejects.toMatchObject(
      badRequest,
    );
    await expect(asManager.category.create({ name: 'Soups\u0000', slug: 'soups' })).rejects.toMatchObject(badRequest);
    await expect(asManager.blog.create({ name: 'News', slug: 'news', description: 'x\ud83d' })).rejects.toMatchObject(badRequest);
    await expect(asAdmin.audit.list({ action: 'auth.\u0000' })).rejects.toMatchObject(badRequest);
    await expect(asAdmin.payer.create({ name: 'Promo\u0000', kind: 'promo' })).rejects.toMatchObject(badRequest);
    expect(await countOf(Order)).toBe(0);
  });

  it('keeps real text: emoji (surrogate pairs), accents and right-to-left scripts', async () => {
    const { manager } = await makeCast(orm);
    const caller = await createTestCaller({ user: manager });
    const category = await caller.category.create({ name: 'Käsespätzle 🍝 مطبخ', slug: 'kase' });
    expect(category.name).toBe('Käsespätzle 🍝 مطبخ');
  });

  it('refuses cursors whose decoded payload carries such text', async () => {
    const { employee, admin } = await makeCast(orm);
    const asEmployee = await createTestCaller({ user: employee });
    const asAdmin = await createTestCaller({ user: admin });
    const id = '0190a4f2-1b2c-7d3e-8f40-112233445566';
    await expect(asEmployee.department.list({ cursor: cursorOf(['a\u0000', id]) })).rejects.toMatchObject(badRequest);
    await expect(asAdmin.user.list({ cursor: cursorOf(['\ud800', id]) })).rejects.toMatchObject(badRequest);
    await expect(asEmployee.product.list({ cursor: cursorOf(['x\u0000', id]) })).rejects.toMatchObject(badRequest);
    await expect(asEmployee.department.list({ cursor: 'not a cursor\u0000' })).rejects.toMatchObject(badRequest);
  });
});

describe('issue 7.2: dates are bounded', () => {
  it('refuses dates PostgreSQL cannot store in filters and cursors', async () => {
    const { employee } = await makeCast(orm);
    const caller = await createTestCaller({ user: employee });
    await expect(caller.order.list({ from: '0000-01-01T00:00:00Z' })).rejects.toMatchObject(badRequest);
    await expect(caller.order.list({ to: '+275760-09-13T00:00:00Z' })).rejects.toMatchObject(badRequest);
    await expect(caller.order.list({ from: '2026-02-30T00:00:00Z' })).rejects.toMatchObject(badRequest);
    await expect(
      caller.wallet.entries({ cursor: cursorOf(['0000-01-01T00:00:00Z', '0190a4f2-1b2c-7d3e-8f40-112233445566']) }),
    ).rejects.toMatchObject(badRequest);
    await expect(caller.order.list({ from: '2026-01-01T00:00:00+01:00' })).resolves.toMatchObject({ items: [] });
  });

  it('refuses a credit dated in the future or before 2000, and allows clock skew of a few minutes', async () => {
    const { employee, admin } = await makeCast(orm);
    const payer = await makePayer(orm);
    const caller = await createTestCaller({ user: admin });
    const credit = (occurredAt: string) =>
      caller.wallet.credit({ userId: employee.id, payerId: payer.id, amountCents: 500, occurredAt });
    await expect(credit(new Date(Date.now() + 86_400_000).toISOString())).rejects.toMatchObject(badRequest);
    await expect(credit('1999-12-31T23:59:59Z')).rejects.toMatchObject(badRequest);
    await expect(
      caller.wallet.creditBulk({
        departmentId: null,
        payerId: payer.id,
        amountCents: 100,
        occurredAt: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    ).rejects.toMatchObject(badRequest);
    expect(await countOf(WalletEntry)).toBe(0);
    await expect(credit(new Date(Date.now() + 60_000).toISOString())).resolves.toMatchObject({ entryIds: [expect.any(String)] });
    await expect(credit('2000-01-01T00:00:00Z')).resolves.toMatchObject({ entryIds: [expect.any(String)] });
  });
});

describe('issue 7.3: totals and line caps', () => {
  it('refuses an order above the configured total with ORDER_TOO_LARGE and writes nothing', async () => {
    const employee = await makeUser(orm);
    await fund(orm, employee, await makePayer(orm), 10_000_000);
    const dishes = await Promise.all(Array.from({ length: 11 }, () => makeProduct(orm, { priceCents: 10_000_000, stock: 500 })));
    const caller = await createTestCaller({ user: employee });
    await expect(
      caller.order.place({
        items: dishes.map((dish) => ({ productId: dish.id, quantity: 20 })),
        idempotencyKey: newIdempotencyKey(),
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { reason: 'ORDER_TOO_LARGE' } });
    expect(await countOf(Order)).toBe(0);
    expect((await orm.em.fork().findOneOrFail(Product, dishes[0]!.id)).stock).toBe(500);

    const deps = createTestDeps();
    deps.limits.orderMaxTotalCents = 30_000_000;
    const generous = await createTestCaller({ user: employee, deps });
    await expect(
      generous.order.place({ items: [{ productId: dishes[0]!.id, quantity: 1 }], idempotencyKey: newIdempotencyKey() }),
    ).resolves.toMatchObject({ totalCents: 10_000_000 });
  });

  it('merges duplicate lines of one dish before the per-line cap applies', async () => {
    const employee = await makeUser(orm);
    await fund(orm, employee, await makePayer(orm), 100_000);
    const espresso = await makeProduct(orm, { priceCents: 100 });
    const caller = await createTestCaller({ user: employee });
    const line = { productId: espresso.id, quantity: 20 };
    await expect(caller.order.place({ items: [line, line, line], idempotencyKey: newIdempotencyKey() })).rejects.toMatchObject(
      badRequest,
    );
    expect(await countOf(Order)).toBe(0);
    const order = await caller.order.place({
      items: [
        { productId: espresso.id, quantity: 12 },
        { productId: espresso.id, quantity: 8 },
      ],
      idempotencyKey: newIdempotencyKey(),
    });
    expect(order.lines).toEqual([expect.objectContaining({ productId: espresso.id, quantity: 20 })]);
  });
});

const app = () =>
  createApp({ orm, logger: silentLogger, deps: createTestDeps(), cookieSecure: true, trustProxy: false, trustedOrigins: [] });

describe('issue 7.4: constraint violations become typed errors without database text', () => {
  it('answers IN_USE for deleting a department a payer references, and NOT_FOUND for an unknown department', async () => {
    const admin = await makeUser(orm, { role: 'admin' });
    const department = await makeDepartment(orm);
    await makePayer(orm, { kind: 'department', department });
    const token = (await createTestDeps().tokens.sign(admin.id)).token;
    const post = (path: string, body: unknown) =>
      app().request(`/trpc/${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      });

    const deleted = await post('department.delete', { id: department.id });
    const deletedBody = await deleted.text();
    expect(deleted.status).toBe(409);
    expect(JSON.parse(deletedBody).error.data).toMatchObject({ code: 'CONFLICT', reason: 'IN_USE' });
    expect(deletedBody).not.toMatch(/constraint|violates|foreign key|payer_department_id/i);

    const created = await post('payer.create', {
      name: 'Ghost budget',
      kind: 'department',
      departmentId: '0190a4f2-1b2c-7d3e-8f40-112233445566',
    });
    const createdBody = await created.text();
    expect(created.status).toBe(404);
    expect(JSON.parse(createdBody).error.data).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect(createdBody).not.toMatch(/constraint|violates|foreign key|department_id/i);
    expect(await orm.em.fork().count(Payer, { name: 'Ghost budget' })).toBe(0);
  });
});

describe('issue 7.5: ids in any letter case', () => {
  it('orders a dish by its upper-case id', async () => {
    const employee = await makeUser(orm);
    await fund(orm, employee, await makePayer(orm), 5_000);
    const dish = await makeProduct(orm, { priceCents: 450 });
    const caller = await createTestCaller({ user: employee });
    const order = await caller.order.place({
      items: [{ productId: dish.id.toUpperCase(), quantity: 1 }],
      idempotencyKey: newIdempotencyKey(),
    });
    expect(order.lines[0]?.productId).toBe(dish.id);
    await expect(caller.product.byId({ id: dish.id.toUpperCase() })).resolves.toMatchObject({ id: dish.id });
  });
});

describe('issue 7.4: an unexpected error says only "Internal error" and the request id', () => {
  it('keeps the real message (here a database-like one) in the log', async () => {
    const employee = await makeUser(orm);
    const deps = createTestDeps({
      menuCache: {
        get: () => Promise.reject(new Error('relation "product" does not exist at character 15')),
        responses: createMemoryMenuCache().responses,
        invalidate: async () => {},
        close: async () => {},
      },
    });
    const token = (await deps.tokens.sign(employee.id)).token;
    const broken = createApp({ orm, logger: silentLogger, deps, cookieSecure: true, trustProxy: false, trustedOrigins: [] });
    const response = await broken.request(`/trpc/product.list?input=${encodeURIComponent('{}')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await response.text();
    expect(response.status).toBe(500);
    expect(body).not.toMatch(/relation|product" does not exist|character/);
    const { error } = JSON.parse(body);
    expect(error.message).toBe('Internal error');
    expect(error.data).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: response.headers.get('x-request-id') });
  });
});
