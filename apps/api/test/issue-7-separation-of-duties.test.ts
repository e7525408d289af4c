import { describe, expect, it } from 'vitest';
import { Order, WalletEntry } from '@canteen/db';
import {
  createTestCaller,
  createTestDeps,
  fund,
  getTestOrm,
  newIdempotencyKey,
  ledgerViolations,
  makeCast,
  makeDepartment,
  makePayer,
  makeProduct,
  makeUser,
} from './helpers';

const orm = await getTestOrm();

const SELF = { code: 'FORBIDDEN', cause: { reason: 'SELF_SERVICE_FORBIDDEN' } };
const HIDDEN = { code: 'NOT_FOUND', cause: { reason: 'NOT_FOUND' } };
const NEEDS_ADMIN = { code: 'FORBIDDEN', cause: { reason: 'ADMIN_APPROVAL_REQUIRED' } };
const entryCount = () => orm.em.fork().count(WalletEntry);

/** A department with a manager, one of their employees, a second manager and an admin who both belong to it. */
const makeOffice = async () => {
  const { department, employee, manager, admin } = await makeCast(orm);
  const budget = await makePayer(orm, { kind: 'department', department });
  return {
    department,
    employee,
    manager,
    admin,
    budget,
    peerManager: await makeUser(orm, { role: 'manager', department }),
    localAdmin: await makeUser(orm, { role: 'admin', department }),
  };
};

const placeFor = async (user: Parameters<typeof fund>[1], priceCents = 400) => {
  await fund(orm, user, await makePayer(orm), 5_000);
  return (await createTestCaller({ user })).order.place({
    items: [{ productId: (await makeProduct(orm, { priceCents })).id, quantity: 1 }],
    idempotencyKey: newIdempotencyKey(),
  });
};

describe('nobody moves money for themself', () => {
  it('refuses a manager crediting, adjusting or charging their own wallet, writing nothing', async () => {
    const { manager, budget } = await makeOffice();
    await fund(orm, manager, budget, 1_000);
    const caller = await createTestCaller({ user: manager });
    const before = await entryCount();
    await expect(caller.wallet.credit({ userId: manager.id, payerId: budget.id, amountCents: 500 })).rejects.toMatchObject(SELF);
    await expect(caller.wallet.credit({ userId: manager.id, payerId: budget.id, amountCents: -500 })).rejects.toMatchObject(SELF);
    await expect(caller.wallet.charge({ userId: manager.id, amountCents: 100 })).rejects.toMatchObject(SELF);
    expect(await entryCount()).toBe(before);
    // Their own wallet stays theirs to read.
    expect((await caller.wallet.balance({ userId: manager.id })).totalCents).toBe(1_000);
    expect((await caller.wallet.entries({ userId: manager.id, limit: 5 })).items).toHaveLength(1);
  });

  it('refuses an admin crediting or charging themself, and lets them do it for anyone else', async () => {
    const { admin, manager, localAdmin } = await makeOffice();
    const company = await makePayer(orm, { kind: 'company' });
    const caller = await createTestCaller({ user: admin });
    await expect(caller.wallet.credit({ userId: admin.id, payerId: company.id, amountCents: 500 })).rejects.toMatchObject(SELF);
    await expect(caller.wallet.charge({ userId: admin.id, amountCents: 100 })).rejects.toMatchObject(SELF);
    for (const person of [manager, localAdmin]) {
      await caller.wallet.credit({ userId: person.id, payerId: company.id, amountCents: 700 });
      await caller.wallet.charge({ userId: person.id, amountCents: 200 });
      expect((await caller.wallet.balance({ userId: person.id })).totalCents).toBe(500);
    }
    expect(await orm.em.fork().count(WalletEntry, { user: admin.id })).toBe(0);
  });

  it('refuses a manager or an admin refunding their own order; someone else may', async () => {
    const { manager, admin, localAdmin } = await makeOffice();
    const managersOrder = await placeFor(manager);
    const adminsOrder = await placeFor(admin);
    await expect((await createTestCaller({ user: manager })).order.refund({ orderId: managersOrder.id })).rejects.toMatchObject(
      SELF,
    );
    await expect((await createTestCaller({ user: admin })).order.refund({ orderId: adminsOrder.id })).rejects.toMatchObject(SELF);
    expect(await orm.em.fork().count(Order, { status: 'refunded' })).toBe(0);
    // Reading one's own receipt is fine.
    expect((await (await createTestCaller({ user: manager })).order.byId({ id: managersOrder.id })).status).toBe('placed');

    const byAnotherAdmin = await createTestCaller({ user: localAdmin });
    expect((await byAnotherAdmin.order.refund({ orderId: managersOrder.id })).status).toBe('refunded');
    expect((await byAnotherAdmin.order.refund({ orderId: adminsOrder.id })).status).toBe('refunded');
    expect(await ledgerViolations(orm)).toEqual([]);
  });

  it('treats a till order that names the manager themself as their ordinary order', async () => {
    const { manager } = await makeOffice();
    await fund(orm, manager, await makePayer(orm), 1_000);
    const dish = await makeProduct(orm, { priceCents: 300 });
    const caller = await createTestCaller({ user: manager });
    const order = await caller.order.place({
      items: [{ productId: dish.id, quantity: 1 }],
      idempotencyKey: newIdempotencyKey(),
      userId: manager.id,
    });
    expect(order).toMatchObject({ userId: manager.id, placedById: manager.id, totalCents: 300 });
    expect((await caller.wallet.balance({})).totalCents).toBe(700);
  });
});

describe('a manager acts on the employees of their department only', () => {
  it('hides the wallets and orders of a fellow manager and of an admin of the same department', async () => {
    const { manager, employee, peerManager, localAdmin, budget } = await makeOffice();
    const caller = await createTestCaller({ user: manager });
    const dish = await makeProduct(orm, { priceCents: 200 });
    for (const person of [peerManager, localAdmin]) {
      const order = await placeFor(person);
      const before = await entryCount();
      await expect(caller.wallet.balance({ userId: person.id })).rejects.toMatchObject(HIDDEN);
      await expect(caller.wallet.entries({ userId: person.id, limit: 10 })).rejects.toMatchObject(HIDDEN);
      await expect(caller.wallet.timeline({ userId: person.id, days: 7 })).rejects.toMatchObject(HIDDEN);
      await expect(caller.order.list({ userId: person.id, limit: 10 })).rejects.toMatchObject(HIDDEN);
      await expect(caller.order.byId({ id: order.id })).rejects.toMatchObject(HIDDEN);
      await expect(caller.order.refund({ orderId: order.id })).rejects.toMatchObject(HIDDEN);
      await expect(caller.wallet.charge({ userId: person.id, amountCents: 100 })).rejects.toMatchObject(HIDDEN);
      await expect(caller.wallet.credit({ userId: person.id, payerId: budget.id, amountCents: 100 })).rejects.toMatchObject(
        HIDDEN,
      );
      await expect(
        caller.order.place({
          items: [{ productId: dish.id, quantity: 1 }],
          idempotencyKey: newIdempotencyKey(),
          userId: person.id,
        }),
      ).rejects.toMatchObject(HIDDEN);
      expect(await entryCount()).toBe(before);
    }

    // The employee of the department is theirs to serve.
    await fund(orm, employee, budget, 1_000);
    expect((await caller.wallet.balance({ userId: employee.id })).totalCents).toBe(1_000);
    await caller.wallet.credit({ userId: employee.id, payerId: budget.id, amountCents: 100 });
    await caller.wallet.charge({ userId: employee.id, amountCents: 100 });
    const tillOrder = await caller.order.place({
      items: [{ productId: dish.id, quantity: 1 }],
      idempotencyKey: newIdempotencyKey(),
      userId: employee.id,
    });
    expect((await caller.order.byId({ id: tillOrder.id })).userId).toBe(employee.id);
    expect((await caller.order.refund({ orderId: tillOrder.id })).status).toBe('refunded');

    // The department's order list holds the manager's own orders and their employees', nobody else's.
    const own = await placeFor(manager);
    const listed = await caller.order.list({ limit: 50 });
    expect(new Set(listed.items.map((o) => o.userId))).toEqual(new Set([employee.id, manager.id]));
    expect(listed.items.map((o) => o.id)).toContain(own.id);
    expect((await caller.order.list({ userId: employee.id, limit: 50 })).items.map((o) => o.id)).toEqual([tillOrder.id]);
  });

  it('credits a department in bulk to its employees only, never to the manager, a fellow manager or an admin', async () => {
    const { department, manager, employee, peerManager, localAdmin, budget } = await makeOffice();
    const second = await makeUser(orm, { department });
    const result = await (await createTestCaller({ user: manager })).wallet.creditBulk({
      departmentId: department.id,
      payerId: budget.id,
      amountCents: 300,
    });
    expect(result).toEqual({ userCount: 2, totalCents: 600 });
    const credited = await orm.em.fork().find(WalletEntry, { kind: 'credit' });
    expect(credited.map((entry) => entry.user.id).sort()).toEqual([employee.id, second.id].sort());
    for (const person of [manager, peerManager, localAdmin]) {
      expect(await orm.em.fork().count(WalletEntry, { user: person.id })).toBe(0);
    }
  });

  it('leaves the admin themself out of a company-wide or department credit', async () => {
    const { admin, localAdmin, department } = await makeOffice();
    const company = await makePayer(orm, { kind: 'company' });
    const everyone = await (await createTestCaller({ user: admin })).wallet.creditBulk({
      departmentId: null,
      payerId: company.id,
      amountCents: 100,
    });
    // employee, manager, peerManager and localAdmin: everyone but the admin who pays.
    expect(everyone.userCount).toBe(4);
    expect(await orm.em.fork().count(WalletEntry, { user: admin.id })).toBe(0);
    const team = await (await createTestCaller({ user: localAdmin })).wallet.creditBulk({
      departmentId: department.id,
      payerId: company.id,
      amountCents: 100,
    });
    expect(team.userCount).toBe(3);
    expect(await orm.em.fork().count(WalletEntry, { user: localAdmin.id })).toBe(1);
  });
});

describe('large credits need an admin', () => {
  it('lets a manager credit one person up to the daily limit, then asks for an admin', async () => {
    const { department, manager, employee, budget, admin } = await makeOffice();
    const caller = await createTestCaller({ user: manager });
    await caller.wallet.credit({ userId: employee.id, payerId: budget.id, amountCents: 15_000 });
    await caller.wallet.credit({ userId: employee.id, payerId: budget.id, amountCents: 5_000 });
    const before = await entryCount();
    await expect(caller.wallet.credit({ userId: employee.id, payerId: budget.id, amountCents: 1 })).rejects.toMatchObject(
      NEEDS_ADMIN,
    );
    // The allowance is per person, whichever managers make the credits.
    const colleague = await createTestCaller({ user: await makeUser(orm, { role: 'manager', department }) });
    await expect(colleague.wallet.credit({ userId: employee.id, payerId: budget.id, amountCents: 1 })).rejects.toMatchObject(
      NEEDS_ADMIN,
    );
    expect(await entryCount()).toBe(before);
    // Taking money back needs no approval, and does not reopen the allowance.
    await caller.wallet.credit({ userId: employee.id, payerId: budget.id, amountCents: -1_000 });
    await expect(caller.wallet.credit({ userId: employee.id, payerId: budget.id, amountCents: 500 })).rejects.toMatchObject(
      NEEDS_ADMIN,
    );
    // An admin may credit any amount, and that credit does not use up the managers' allowance.
    await (await createTestCaller({ user: admin })).wallet.credit({
      userId: employee.id,
      payerId: budget.id,
      amountCents: 50_000,
    });
    expect((await caller.wallet.balance({ userId: employee.id })).totalCents).toBe(69_000);
  });

  it('counts only the last 24 hours and follows the configured limit', async () => {
    const { department, manager, employee, budget } = await makeOffice();
    const caller = await createTestCaller({ user: manager });
    await caller.wallet.credit({ userId: employee.id, payerId: budget.id, amountCents: 20_000 });
    await orm.em.fork().nativeUpdate(WalletEntry, { user: employee.id }, { createdAt: new Date(Date.now() - 25 * 3_600_000) });
    await caller.wallet.credit({ userId: employee.id, payerId: budget.id, amountCents: 20_000 });

    const strict = await createTestCaller({ user: manager, deps: createTestDeps({ managerDailyCreditLimitCents: 1_000 }) });
    const other = await makeUser(orm, { department });
    await strict.wallet.credit({ userId: other.id, payerId: budget.id, amountCents: 1_000 });
    await expect(strict.wallet.credit({ userId: other.id, payerId: budget.id, amountCents: 1 })).rejects.toMatchObject(
      NEEDS_ADMIN,
    );
  });

  it('refuses a whole bulk credit when it would take one employee past the limit', async () => {
    const { department, manager, employee, budget, admin } = await makeOffice();
    await makeUser(orm, { department });
    const caller = await createTestCaller({ user: manager });
    await caller.wallet.credit({ userId: employee.id, payerId: budget.id, amountCents: 19_000 });
    const before = await entryCount();
    await expect(
      caller.wallet.creditBulk({ departmentId: department.id, payerId: budget.id, amountCents: 1_500 }),
    ).rejects.toMatchObject(NEEDS_ADMIN);
    expect(await entryCount()).toBe(before);
    expect(
      (await caller.wallet.creditBulk({ departmentId: department.id, payerId: budget.id, amountCents: 1_000 })).userCount,
    ).toBe(2);
    const company = await makePayer(orm, { kind: 'company' });
    const byAdmin = await (await createTestCaller({ user: admin })).wallet.creditBulk({
      departmentId: department.id,
      payerId: company.id,
      amountCents: 30_000,
    });
    expect(byAdmin.userCount).toBeGreaterThanOrEqual(2);
  });

  it('lets only one of two simultaneous credits through when together they pass the limit', async () => {
    const { manager, employee, budget } = await makeOffice();
    const callers = [await createTestCaller({ user: manager }), await createTestCaller({ user: manager })];
    const results = await Promise.allSettled(
      callers.map((caller) => caller.wallet.credit({ userId: employee.id, payerId: budget.id, amountCents: 15_000 })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: NEEDS_ADMIN });
    expect(await orm.em.fork().count(WalletEntry, { user: employee.id })).toBe(1);
  });
});

describe('admins reach every department', () => {
  it('lets an admin of no department read and serve people of any department', async () => {
    const admin = await makeUser(orm, { role: 'admin' });
    const manager = await makeUser(orm, { role: 'manager', department: await makeDepartment(orm) });
    await fund(orm, manager, await makePayer(orm), 1_000);
    const caller = await createTestCaller({ user: admin });
    expect((await caller.wallet.balance({ userId: manager.id })).totalCents).toBe(1_000);
    const dish = await makeProduct(orm, { priceCents: 250 });
    const order = await caller.order.place({
      items: [{ productId: dish.id, quantity: 1 }],
      idempotencyKey: newIdempotencyKey(),
      userId: manager.id,
    });
    expect(order).toMatchObject({ userId: manager.id, placedById: admin.id });
  });
});
