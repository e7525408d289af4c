import { describe, expect, it } from 'vitest';
import { AuditEntry, WalletEntry } from '@canteen/db';
import {
  createTestCaller,
  fund,
  getTestOrm,
  ledgerViolations,
  makeCast,
  makeCategory,
  makeDepartment,
  makePayer,
  makeProduct,
  makeUser,
} from '../../../test/helpers';

const orm = await getTestOrm();

const day = (n: number, hour: number) => new Date(Date.UTC(2026, 0, n, hour)).toISOString();

describe('the worked example of docs/PRODUCT.md §3, through the API', () => {
  it('spends 5000 as -100 A, -200 B, -4700 C and leaves A 1000, B 0, C 5300', async () => {
    const admin = await makeUser(orm, { role: 'admin' });
    const employee = await makeUser(orm);
    const [a, b, c] = [
      await makePayer(orm, { name: 'A' }),
      await makePayer(orm, { name: 'B' }),
      await makePayer(orm, { name: 'C' }),
    ];
    const caller = await createTestCaller({ user: admin });
    const credit = (payerId: string, amountCents: number, occurredAt: string) =>
      caller.wallet.credit({ userId: employee.id, payerId, amountCents, occurredAt });
    // Recorded out of time order on purpose: the rule follows occurredAt, not insertion.
    await credit(c.id, 10_000, day(2, 9));
    await credit(a.id, 300, day(1, 10));
    await credit(b.id, 200, day(1, 11));
    await credit(a.id, -200, day(1, 15));
    await credit(a.id, 1_000, day(3, 9));

    const charged = await caller.wallet.charge({ userId: employee.id, amountCents: 5_000 });
    expect(charged.breakdown).toEqual([
      { payerId: a.id, payerName: 'A', amountCents: -100 },
      { payerId: b.id, payerName: 'B', amountCents: -200 },
      { payerId: c.id, payerName: 'C', amountCents: -4_700 },
    ]);
    const balance = await caller.wallet.balance({ userId: employee.id });
    expect(balance.totalCents).toBe(6_300);
    expect(Object.fromEntries(balance.byPayer.map((p) => [p.payerName, p.amountCents]))).toEqual({ A: 1_000, C: 5_300 });
    expect(await ledgerViolations(orm)).toEqual([]);
  });
});

describe('wallet.credit', () => {
  it('rejects an adjustment that would take a payer below zero, writing nothing', async () => {
    const { admin, employee } = await makeCast(orm);
    const payer = await makePayer(orm);
    const caller = await createTestCaller({ user: admin });
    await caller.wallet.credit({ userId: employee.id, payerId: payer.id, amountCents: 300 });
    const before = await orm.em.fork().count(WalletEntry, { user: employee.id });
    await expect(caller.wallet.credit({ userId: employee.id, payerId: payer.id, amountCents: -301 })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      cause: { reason: 'INSUFFICIENT_FUNDS' },
    });
    expect(await orm.em.fork().count(WalletEntry, { user: employee.id })).toBe(before);
    await expect(caller.wallet.credit({ userId: employee.id, payerId: payer.id, amountCents: 0 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(caller.wallet.credit({ userId: employee.id, payerId: payer.id, amountCents: 1.5 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('lets a manager credit their own department from its budget or a promotion, and nothing else', async () => {
    const { manager, employee, department } = await makeCast(orm);
    const outsider = await makeUser(orm);
    const budget = await makePayer(orm, { kind: 'department', department });
    const otherBudget = await makePayer(orm, { kind: 'department', department: await makeDepartment(orm) });
    const company = await makePayer(orm, { kind: 'company' });
    const promo = await makePayer(orm, { kind: 'promo' });
    const caller = await createTestCaller({ user: manager });
    await caller.wallet.credit({ userId: employee.id, payerId: budget.id, amountCents: 700 });
    await caller.wallet.credit({ userId: employee.id, payerId: promo.id, amountCents: 100 });
    for (const payer of [company, otherBudget]) {
      await expect(caller.wallet.credit({ userId: employee.id, payerId: payer.id, amountCents: 100 })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        cause: { reason: 'OUT_OF_SCOPE' },
      });
    }
    await expect(caller.wallet.credit({ userId: outsider.id, payerId: budget.id, amountCents: 100 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await caller.wallet.balance({ userId: employee.id })).totalCents).toBe(800);
    const audit = await orm.em.fork().find(AuditEntry, { action: 'wallet.credit', entity: 'WalletEntry' });
    expect(audit).toHaveLength(2);
    expect(audit[0]?.actor?.id).toBe(manager.id);
  });

  it('credits a whole department in one transaction, and the company only for admins', async () => {
    const { admin, manager, department } = await makeCast(orm);
    await makeUser(orm, { department });
    await makeUser(orm, { department, isActive: false });
    const budget = await makePayer(orm, { kind: 'department', department });
    const result = await (await createTestCaller({ user: manager })).wallet.creditBulk({
      departmentId: department.id,
      payerId: budget.id,
      amountCents: 250,
    });
    // The two active employees; never the manager themself (issue 7).
    expect(result).toEqual({ userCount: 2, totalCents: 500 });
    await expect(
      (await createTestCaller({ user: manager })).wallet.creditBulk({ departmentId: null, payerId: budget.id, amountCents: 250 }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const company = await makePayer(orm, { kind: 'company' });
    const everyone = await (await createTestCaller({ user: admin })).wallet.creditBulk({
      departmentId: null,
      payerId: company.id,
      amountCents: 100,
    });
    // Everyone active but the admin who pays.
    expect(everyone.userCount).toBe(3);
  });
});

describe('wallet reads', () => {
  it('shows employees only their own wallet and managers their department', async () => {
    const { employee, manager, admin } = await makeCast(orm);
    const colleague = await makeUser(orm, { department: null, role: 'admin' });
    const payer = await makePayer(orm);
    await fund(orm, employee, payer, 1_234);
    expect((await (await createTestCaller({ user: employee })).wallet.balance({})).totalCents).toBe(1_234);
    await expect((await createTestCaller({ user: employee })).wallet.balance({ userId: manager.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await (await createTestCaller({ user: manager })).wallet.balance({ userId: employee.id })).totalCents).toBe(1_234);
    await expect((await createTestCaller({ user: manager })).wallet.balance({ userId: colleague.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      (await (await createTestCaller({ user: admin })).wallet.entries({ userId: employee.id, limit: 10 })).items,
    ).toHaveLength(1);
  });

  it('pages the history newest first and draws the balance over time', async () => {
    const employee = await makeUser(orm);
    const payer = await makePayer(orm);
    for (let i = 0; i < 5; i++) await fund(orm, employee, payer, 100 * (i + 1), new Date(Date.now() - (5 - i) * 86_400_000));
    const caller = await createTestCaller({ user: employee });
    const first = await caller.wallet.entries({ limit: 3 });
    const second = await caller.wallet.entries({ limit: 3, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((e) => e.amountCents)).toEqual([500, 400, 300, 200, 100]);
    expect(second.nextCursor).toBeNull();
    const timeline = await caller.wallet.timeline({ days: 7 });
    expect(timeline).toHaveLength(7);
    expect(timeline.at(-1)?.balanceCents).toBe(1_500);
    expect(timeline[0]?.balanceCents).toBe(0);
  });
});

describe('wallet.history', () => {
  it('shows an order paid by three payers as one row with its split, its refund as another, pages and filters', async () => {
    const { manager, employee, department } = await makeCast(orm);
    const [a, b, c] = [
      await makePayer(orm, { name: 'A company' }),
      await makePayer(orm, { name: 'B department' }),
      await makePayer(orm, { name: 'C personal' }),
    ];
    await fund(orm, employee, a, 100, new Date(Date.now() - 3 * 86_400_000));
    await fund(orm, employee, b, 200, new Date(Date.now() - 2 * 86_400_000));
    await fund(orm, employee, c, 5_000, new Date(Date.now() - 86_400_000));
    const category = await makeCategory(orm);
    const dish = await makeProduct(orm, { name: 'Three-payer stew', priceCents: 1_000, category });
    const own = await createTestCaller({ user: employee });
    const order = await own.order.place({ items: [{ productId: dish.id, quantity: 1 }], idempotencyKey: 'history-1' });
    await (await createTestCaller({ user: manager })).order.refund({ orderId: order.id, reason: 'Cold' });

    const history = await own.wallet.history({ limit: 10 });
    expect(history.items.map((item) => [item.kind, item.amountCents, item.parts.length])).toEqual([
      ['refund', 1_000, 3],
      ['spend', -1_000, 3],
      ['credit', 5_000, 1],
      ['credit', 200, 1],
      ['credit', 100, 1],
    ]);
    const spend = history.items[1]!;
    expect(spend.orderId).toBe(order.id);
    expect(spend.id).toBe(order.id);
    expect(spend.parts).toEqual([
      { payerId: a.id, payerName: 'A company', amountCents: -100 },
      { payerId: b.id, payerName: 'B department', amountCents: -200 },
      { payerId: c.id, payerName: 'C personal', amountCents: -700 },
    ]);

    // Pages of two cover the same rows in the same order, none twice.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof own.wallet.history>> = await own.wallet.history({ limit: 2, cursor });
      paged.push(...page.items.map((item) => `${item.kind}:${item.id}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(history.items.map((item) => `${item.kind}:${item.id}`));

    expect((await own.wallet.history({ limit: 10, kinds: ['credit'] })).items).toHaveLength(3);
    const since = new Date(Date.now() - 36 * 3_600_000).toISOString();
    expect((await own.wallet.history({ limit: 10, from: since })).items.map((item) => item.kind)).toEqual([
      'refund',
      'spend',
      'credit',
    ]);
    // A manager reads their department's wallets; a colleague may not read another's.
    const colleague = await makeUser(orm, { department });
    await expect(
      (await createTestCaller({ user: colleague })).wallet.history({ userId: employee.id, limit: 5 }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      (await (await createTestCaller({ user: manager })).wallet.history({ userId: employee.id, limit: 5 })).items,
    ).toHaveLength(5);
  });
});
