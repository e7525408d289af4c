import { describe, expect, it } from 'vitest';
import { AuditEntry, Order, Product, WalletEntry } from '@canteen/db';
import {
  createTestCaller,
  fund,
  getTestOrm,
  newIdempotencyKey,
  ledgerViolations,
  makeCast,
  makePayer,
  makeProduct,
  makeUser,
} from '../../../test/helpers';

const orm = await getTestOrm();

const stockOf = async (id: string) => (await orm.em.fork().findOneOrFail(Product, id)).stock;

describe('order.place', () => {
  it('snapshots prices, decrements stock, spends oldest money first and audits it', async () => {
    const employee = await makeUser(orm);
    const [old, recent] = [await makePayer(orm, { name: 'Old money' }), await makePayer(orm, { name: 'New money' })];
    await fund(orm, employee, recent, 2_000, new Date('2026-03-01'));
    await fund(orm, employee, old, 300, new Date('2026-01-01'));
    const soup = await makeProduct(orm, { name: 'Soup', priceCents: 450, stock: 10 });
    const bread = await makeProduct(orm, { name: 'Bread', priceCents: 120 });
    const caller = await createTestCaller({ user: employee });
    const order = await caller.order.place({
      items: [
        { productId: soup.id, quantity: 1 },
        { productId: bread.id, quantity: 2 },
        { productId: soup.id, quantity: 1 },
      ],
      idempotencyKey: newIdempotencyKey(),
    });
    expect(order.totalCents).toBe(2 * 450 + 2 * 120);
    expect(
      order.lines
        .map((l) => [l.productName, l.quantity, l.unitPriceCents])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['Bread', 2, 120],
      ['Soup', 2, 450],
    ]);
    expect(order.breakdown).toEqual([
      { payerId: old.id, payerName: 'Old money', amountCents: -300 },
      { payerId: recent.id, payerName: 'New money', amountCents: -840 },
    ]);
    expect(await stockOf(soup.id)).toBe(8);
    expect((await caller.wallet.balance({})).totalCents).toBe(2_300 - 1_140);

    // Later price changes do not touch the order.
    await orm.em.fork().nativeUpdate(Product, soup.id, { priceCents: 999, name: 'Renamed soup' });
    const again = await caller.order.byId({ id: order.id });
    expect(again.lines.find((l) => l.productId === soup.id)).toMatchObject({ productName: 'Soup', unitPriceCents: 450 });
    expect(await orm.em.fork().count(AuditEntry, { action: 'order.place', entity: 'Order', entityId: order.id })).toBe(1);
    expect(await ledgerViolations(orm)).toEqual([]);
  });

  it('returns the first result for a retried key, charges once, and refuses the key for another basket', async () => {
    const employee = await makeUser(orm);
    await fund(orm, employee, await makePayer(orm), 5_000);
    const dish = await makeProduct(orm, { priceCents: 700, stock: 5 });
    const caller = await createTestCaller({ user: employee });
    const idempotencyKey = newIdempotencyKey();
    const input = { items: [{ productId: dish.id, quantity: 1 }], idempotencyKey };
    const [first, second] = await Promise.all([
      caller.order.place(input),
      (await createTestCaller({ user: employee })).order.place(input),
    ]);
    const third = await caller.order.place(input);
    expect(second.id).toBe(first.id);
    expect(third).toEqual(first);
    expect(await orm.em.fork().count(Order, { user: employee.id })).toBe(1);
    expect((await caller.wallet.balance({})).totalCents).toBe(4_300);
    expect(await stockOf(dish.id)).toBe(4);
    await expect(caller.order.place({ items: [{ productId: dish.id, quantity: 2 }], idempotencyKey })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { reason: 'IDEMPOTENCY_MISMATCH' },
    });
  });

  it('fails with INSUFFICIENT_FUNDS, OUT_OF_STOCK or PRODUCT_UNAVAILABLE and leaves no trace', async () => {
    const employee = await makeUser(orm);
    await fund(orm, employee, await makePayer(orm), 1_000);
    const pricey = await makeProduct(orm, { priceCents: 1_001, stock: 3 });
    const scarce = await makeProduct(orm, { priceCents: 100, stock: 1 });
    const archived = await makeProduct(orm, { priceCents: 100, isActive: false });
    const caller = await createTestCaller({ user: employee });
    const entriesBefore = await orm.em.fork().count(WalletEntry);
    const auditBefore = await orm.em.fork().count(AuditEntry);
    const cases = [
      [[{ productId: pricey.id, quantity: 1 }], 'INSUFFICIENT_FUNDS'],
      [[{ productId: scarce.id, quantity: 2 }], 'OUT_OF_STOCK'],
      [
        [
          { productId: scarce.id, quantity: 1 },
          { productId: archived.id, quantity: 1 },
        ],
        'PRODUCT_UNAVAILABLE',
      ],
      [[{ productId: '0190f5c2-0000-7000-8000-000000000000', quantity: 1 }], 'PRODUCT_UNAVAILABLE'],
    ] as const;
    for (const [items, reason] of cases) {
      await expect(caller.order.place({ items: [...items], idempotencyKey: newIdempotencyKey() })).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
        cause: { reason },
      });
    }
    expect(await orm.em.fork().count(Order, { user: employee.id })).toBe(0);
    expect(await orm.em.fork().count(WalletEntry)).toBe(entriesBefore);
    expect(await orm.em.fork().count(AuditEntry)).toBe(auditBefore);
    expect([await stockOf(pricey.id), await stockOf(scarce.id)]).toEqual([3, 1]);
    await expect(caller.order.place({ items: [], idempotencyKey: newIdempotencyKey() })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('lets a manager order at the till for their own department only', async () => {
    const { manager, employee } = await makeCast(orm);
    const outsider = await makeUser(orm);
    for (const user of [employee, outsider]) await fund(orm, user, await makePayer(orm), 2_000);
    const dish = await makeProduct(orm, { priceCents: 600 });
    const till = await createTestCaller({ user: manager });
    const order = await till.order.place({
      items: [{ productId: dish.id, quantity: 1 }],
      idempotencyKey: newIdempotencyKey(),
      userId: employee.id,
    });
    expect(order).toMatchObject({ userId: employee.id, placedById: manager.id });
    expect((await till.wallet.balance({ userId: employee.id })).totalCents).toBe(1_400);
    await expect(
      till.order.place({
        items: [{ productId: dish.id, quantity: 1 }],
        idempotencyKey: newIdempotencyKey(),
        userId: outsider.id,
      }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      (await createTestCaller({ user: employee })).order.place({
        items: [{ productId: dish.id, quantity: 1 }],
        idempotencyKey: newIdempotencyKey(),
        userId: outsider.id,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('order.refund', () => {
  it('puts stock back and gives every payer back exactly its share, once', async () => {
    const { manager, employee } = await makeCast(orm);
    const [a, b] = [await makePayer(orm, { name: 'Refund A' }), await makePayer(orm, { name: 'Refund B' })];
    await fund(orm, employee, a, 400, new Date('2026-01-01'));
    await fund(orm, employee, b, 1_000, new Date('2026-02-01'));
    const dish = await makeProduct(orm, { priceCents: 600, stock: 4 });
    const order = await (await createTestCaller({ user: employee })).order.place({
      items: [{ productId: dish.id, quantity: 1 }],
      idempotencyKey: newIdempotencyKey(),
    });
    expect(order.breakdown.map((p) => p.amountCents)).toEqual([-400, -200]);

    const caller = await createTestCaller({ user: manager });
    const refunded = await caller.order.refund({ orderId: order.id, reason: 'Cold soup' });
    expect(refunded.status).toBe('refunded');
    expect(await stockOf(dish.id)).toBe(4);
    const balance = await caller.wallet.balance({ userId: employee.id });
    expect(Object.fromEntries(balance.byPayer.map((p) => [p.payerName, p.amountCents]))).toEqual({
      'Refund A': 400,
      'Refund B': 1_000,
    });
    const again = await caller.order.refund({ orderId: order.id });
    expect(again.refundedAt).toBe(refunded.refundedAt);
    expect(await orm.em.fork().count(WalletEntry, { order: order.id, kind: 'refund' })).toBe(2);
    expect(await ledgerViolations(orm)).toEqual([]);
    // The refunded money is the old money again: it is spent first next time.
    const next = await (await createTestCaller({ user: employee })).order.place({
      items: [{ productId: dish.id, quantity: 1 }],
      idempotencyKey: newIdempotencyKey(),
    });
    expect(next.breakdown.map((p) => p.payerName)).toEqual(['Refund A', 'Refund B']);
  });

  it('is for managers of the department and admins only', async () => {
    const { employee } = await makeCast(orm);
    const otherManager = await makeUser(orm, { role: 'manager' });
    await fund(orm, employee, await makePayer(orm), 1_000);
    const order = await (await createTestCaller({ user: employee })).order.place({
      items: [{ productId: (await makeProduct(orm)).id, quantity: 1 }],
      idempotencyKey: newIdempotencyKey(),
    });
    await expect((await createTestCaller({ user: employee })).order.refund({ orderId: order.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect((await createTestCaller({ user: otherManager })).order.refund({ orderId: order.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('order.list', () => {
  it('shows employees their own orders, managers their department, with filters and paging', async () => {
    const { manager, employee, admin } = await makeCast(orm);
    const outsider = await makeUser(orm);
    const dish = await makeProduct(orm, { priceCents: 100 });
    for (const user of [employee, outsider]) {
      await fund(orm, user, await makePayer(orm), 1_000);
      for (let i = 0; i < 3; i++)
        await (await createTestCaller({ user })).order.place({
          items: [{ productId: dish.id, quantity: 1 }],
          idempotencyKey: newIdempotencyKey(),
        });
    }
    const own = await (await createTestCaller({ user: employee })).order.list({ limit: 2 });
    const rest = await (await createTestCaller({ user: employee })).order.list({ limit: 2, cursor: own.nextCursor });
    expect([...own.items, ...rest.items].every((o) => o.userId === employee.id)).toBe(true);
    expect(own.items.length + rest.items.length).toBe(3);
    const department = await (await createTestCaller({ user: manager })).order.list({ limit: 50 });
    expect(department.items.map((o) => o.userId)).toEqual([employee.id, employee.id, employee.id]);
    const all = await (await createTestCaller({ user: admin })).order.list({ limit: 50, status: 'placed' });
    expect(all.items).toHaveLength(6);
    expect((await (await createTestCaller({ user: admin })).order.list({ limit: 50, status: 'refunded' })).items).toHaveLength(0);
    await expect(
      (await createTestCaller({ user: employee })).order.byId({ id: all.items.find((o) => o.userId === outsider.id)!.id }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('finds an order by the end of its number or a word of a dish on it, accents and case aside', async () => {
    const employee = await makeUser(orm);
    await fund(orm, employee, await makePayer(orm), 5_000);
    const caller = await createTestCaller({ user: employee });
    const place = async (name: string) =>
      caller.order.place({
        items: [{ productId: (await makeProduct(orm, { name, priceCents: 100 })).id, quantity: 1 }],
        idempotencyKey: newIdempotencyKey(),
      });
    const stew = await place('Käsespätzle deluxe');
    const soup = await place('Tomato soup');
    const found = async (search: string) => (await caller.order.list({ limit: 10, search })).items.map((o) => o.id);
    expect(await found('spatzle')).toEqual([stew.id]);
    expect(await found('KÄSE')).toEqual([stew.id]);
    expect(await found('soup tomato')).toEqual([soup.id]);
    const number = soup.id.replace(/-/g, '').slice(-8).toUpperCase();
    expect(await found(`#${number}`)).toEqual([soup.id]);
    expect(await found(number.slice(-5))).toEqual([soup.id]);
    expect(await found('pizza')).toEqual([]);
    expect(await found('!!!')).toEqual([]);
  });

  it("narrows to one department and a period, never past the caller's reach", async () => {
    const { department, manager, employee, admin } = await makeCast(orm);
    const elsewhere = await makeUser(orm);
    const dish = await makeProduct(orm, { priceCents: 100 });
    for (const user of [employee, elsewhere]) {
      await fund(orm, user, await makePayer(orm), 1_000);
      await (await createTestCaller({ user })).order.place({
        items: [{ productId: dish.id, quantity: 1 }],
        idempotencyKey: newIdempotencyKey(),
      });
    }
    const asAdmin = await createTestCaller({ user: admin });
    const ownersOf = async (input: Parameters<typeof asAdmin.order.list>[0], caller = asAdmin) =>
      (await caller.order.list(input)).items.map((o) => o.userId);
    expect(await ownersOf({ limit: 50, departmentId: department.id })).toEqual([employee.id]);
    expect(await ownersOf({ limit: 50, departmentId: elsewhere.department!.id })).toEqual([elsewhere.id]);
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    expect(await ownersOf({ limit: 50, departmentId: department.id, from: hourAgo })).toEqual([employee.id]);
    expect(await ownersOf({ limit: 50, departmentId: department.id, to: hourAgo })).toEqual([]);
    // A manager asking for another department gets nothing of it, not its orders.
    const asManager = await createTestCaller({ user: manager });
    expect(await ownersOf({ limit: 50, departmentId: department.id }, asManager)).toEqual([employee.id]);
    expect(await ownersOf({ limit: 50, departmentId: elsewhere.department!.id }, asManager)).toEqual([]);
  });
});
