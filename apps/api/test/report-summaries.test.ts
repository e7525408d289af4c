import { describe, expect, it } from 'vitest';
import { User } from '@canteen/db';
import {
  NO_SUMMARY_DRIFT,
  createTestCaller,
  createTestDeps,
  fund,
  getTestOrm,
  ledgerViolations,
  makeDepartment,
  makePayer,
  makeProduct,
  makeUser,
  newIdempotencyKey,
  summaryDrift,
} from './helpers';

const orm = await getTestOrm();
const DAY = 86_400_000;

describe('report summaries (kept by the database in the order transaction)', () => {
  it('agree with the orders and the ledger through a lunch rush of orders, refunds, charges and credits at once', async () => {
    const deps = createTestDeps();
    const [north, south] = [await makeDepartment(orm), await makeDepartment(orm)];
    const admin = await makeUser(orm, { role: 'admin' });
    const managers = [
      await makeUser(orm, { role: 'manager', department: north }),
      await makeUser(orm, { role: 'manager', department: south }),
    ];
    const company = await makePayer(orm, { name: 'Rush company', kind: 'company' });
    const budget = await makePayer(orm, { name: 'Rush promo', kind: 'promo' });
    const people: User[] = [];
    for (let i = 0; i < 12; i++) {
      const person = await makeUser(orm, { department: i % 3 === 0 ? north : i % 3 === 1 ? south : null });
      await fund(orm, person, company, 6_000, new Date(Date.now() - 40 * DAY));
      await fund(orm, person, budget, 6_000);
      people.push(person);
    }
    const dishes = [
      await makeProduct(orm, { priceCents: 450, stock: null }),
      await makeProduct(orm, { priceCents: 700, stock: null }),
      await makeProduct(orm, { priceCents: 1_250, stock: null }),
    ];
    const place = async (person: User, round: number) =>
      (await createTestCaller({ user: person, deps })).order.place({
        // Baskets name the dishes in different orders: the summary rows must still be locked without deadlock.
        items: (round % 2 ? dishes.toReversed() : dishes).slice(0, 1 + (round % 3)).map((dish) => ({
          productId: dish.id,
          quantity: 1 + (round % 2),
        })),
        idempotencyKey: newIdempotencyKey(),
      });
    const first = await Promise.all(people.map((person, i) => place(person, i)));
    const managerOf = (person: User) =>
      person.department?.id === north.id ? managers[0]! : person.department ? managers[1]! : admin;

    // Refunds of the first round race the second round's orders, charges and a bulk of credits.
    const results = await Promise.allSettled([
      ...people.map((person, i) => place(person, i + 1)),
      ...first
        .filter((_, i) => i % 2 === 0)
        .map(async (order, i) =>
          (await createTestCaller({ user: managerOf(people[i * 2]!), deps })).order.refund({ orderId: order.id, reason: 'Rush' }),
        ),
      ...people.slice(0, 4).map(async (person) =>
        (await createTestCaller({ user: managerOf(person), deps })).wallet.charge({
          userId: person.id,
          amountCents: 125,
          note: 'Cup',
        }),
      ),
      (async () =>
        (await createTestCaller({ user: admin, deps })).wallet.credit({
          userId: people[5]!.id,
          payerId: company.id,
          amountCents: 500,
        }))(),
    ]);
    expect(results.filter((r) => r.status === 'rejected').map((r) => r.reason as unknown)).toEqual([]);
    expect(await ledgerViolations(orm)).toEqual([]);
    expect(await summaryDrift(orm)).toEqual(NO_SUMMARY_DRIFT);

    // And the reports, read from the summaries, add up to the orders themselves.
    const range = { from: new Date(Date.now() - DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() };
    const asAdmin = await createTestCaller({ user: admin, deps });
    const paid = (
      await orm.em
        .fork()
        .getConnection()
        .execute<{ n: string; s: string }[]>(
          `select count(*) n, sum(total_cents) s from canteen_order where status <> 'refunded'`,
        )
    )[0]!;
    expect(await asAdmin.report.revenue(range)).toMatchObject({ orders: Number(paid.n), totalCents: Number(paid.s) });
    const byDepartment = await asAdmin.report.spendByDepartment(range);
    expect(byDepartment.reduce((sum, row) => sum + row.revenueCents, 0)).toBe(Number(paid.s));
    expect(byDepartment.map((row) => row.departmentName).sort()).toEqual([north.name, south.name, 'No department'].sort());
    const dishesSold = await asAdmin.report.topDishes({ ...range, limit: 10 });
    expect(dishesSold.reduce((sum, row) => sum + row.revenueCents, 0)).toBe(Number(paid.s));
  }, 120_000);

  it('keep an order in the department its eater was in when ordering, also when it is refunded after a move', async () => {
    const deps = createTestDeps();
    const [before, after] = [await makeDepartment(orm), await makeDepartment(orm)];
    const admin = await makeUser(orm, { role: 'admin' });
    const person = await makeUser(orm, { department: before });
    await fund(orm, person, await makePayer(orm), 5_000);
    const soup = await makeProduct(orm, { priceCents: 600 });
    const kept = await (await createTestCaller({ user: person, deps })).order.place({
      items: [{ productId: soup.id, quantity: 1 }],
      idempotencyKey: newIdempotencyKey(),
    });
    const refunded = await (await createTestCaller({ user: person, deps })).order.place({
      items: [{ productId: soup.id, quantity: 2 }],
      idempotencyKey: newIdempotencyKey(),
    });
    const em = orm.em.fork();
    await em.nativeUpdate(User, { id: person.id }, { department: after.id });
    await (await createTestCaller({ user: admin, deps })).order.refund({ orderId: refunded.id });

    const range = { from: new Date(Date.now() - DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() };
    const asAdmin = await createTestCaller({ user: admin, deps });
    expect(await asAdmin.report.spendByDepartment(range)).toEqual([
      { departmentId: before.id, departmentName: before.name, orders: 1, revenueCents: kept.totalCents },
    ]);
    expect((await asAdmin.report.revenue({ ...range, departmentId: after.id })).orders).toBe(0);
    expect(await summaryDrift(orm)).toEqual(NO_SUMMARY_DRIFT);
  });

  it('answer a range that starts and ends inside a day from the orders of those partial days', async () => {
    const deps = createTestDeps();
    const admin = await makeUser(orm, { role: 'admin' });
    const person = await makeUser(orm);
    await fund(orm, person, await makePayer(orm), 5_000);
    const soup = await makeProduct(orm, { priceCents: 300 });
    await (await createTestCaller({ user: person, deps })).order.place({
      items: [{ productId: soup.id, quantity: 1 }],
      idempotencyKey: newIdempotencyKey(),
    });
    const asAdmin = await createTestCaller({ user: admin, deps });
    const now = Date.now();
    const around = { from: new Date(now - 60_000).toISOString(), to: new Date(now + 60_000).toISOString() };
    expect(await asAdmin.report.revenue(around)).toMatchObject({ orders: 1, totalCents: 300 });
    expect(await asAdmin.report.funding(around)).toEqual([expect.objectContaining({ fundedCents: 300 })]);
    const justAfter = { from: new Date(now + 60_000).toISOString(), to: new Date(now + 120_000).toISOString() };
    expect(await asAdmin.report.revenue(justAfter)).toMatchObject({ orders: 0, totalCents: 0, days: [] });
    expect(await asAdmin.report.topDishes({ ...justAfter, limit: 5 })).toEqual([]);
  });
});
