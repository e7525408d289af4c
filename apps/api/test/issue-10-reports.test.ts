import { describe, expect, it } from 'vitest';
import { balanceByPayer } from '@canteen/db';
import { isoWeekStart } from '@canteen/shared';
import {
  createTestCaller,
  createTestDeps,
  fund,
  getTestOrm,
  makeCast,
  makeCategory,
  makeDepartment,
  makePayer,
  makeProduct,
  makeUser,
  newIdempotencyKey,
} from './helpers';

const orm = await getTestOrm();
const DAY = 86_400_000;
const range = () => ({ from: new Date(Date.now() - DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() });
const today = () => new Date().toISOString().slice(0, 10);

describe('report.revenue', () => {
  it('counts paid orders per day, excludes refunds, and keeps managers to their department', async () => {
    const deps = createTestDeps();
    const { department, manager, employee, admin } = await makeCast(orm);
    const elsewhere = await makeUser(orm, { department: await makeDepartment(orm) });
    const payer = await makePayer(orm);
    for (const person of [employee, elsewhere]) await fund(orm, person, payer, 5_000);
    const soup = await makeProduct(orm, { priceCents: 400 });
    const order = async (user: typeof employee, quantity: number) =>
      (await createTestCaller({ user, deps })).order.place({
        items: [{ productId: soup.id, quantity }],
        idempotencyKey: newIdempotencyKey(),
      });
    await order(employee, 1);
    const refunded = await order(employee, 2);
    await order(elsewhere, 3);
    await (await createTestCaller({ user: manager, deps })).order.refund({ orderId: refunded.id });

    const asManager = await createTestCaller({ user: manager, deps });
    expect(await asManager.report.revenue(range())).toEqual({
      totalCents: 400,
      orders: 1,
      averageBasketCents: 400,
      days: [{ day: today(), orders: 1, revenueCents: 400 }],
      weeks: [{ week: isoWeekStart(today()), orders: 1, revenueCents: 400 }],
    });
    await expect(asManager.report.revenue({ ...range(), departmentId: elsewhere.department!.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const asAdmin = await createTestCaller({ user: admin, deps });
    expect(await asAdmin.report.revenue(range())).toMatchObject({ totalCents: 1_600, orders: 2, averageBasketCents: 800 });
    expect((await asAdmin.report.revenue({ ...range(), departmentId: department.id })).totalCents).toBe(400);
    await expect((await createTestCaller({ user: employee, deps })).report.revenue(range())).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(asAdmin.report.revenue({ from: range().to, to: range().from })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('report.statement', () => {
  it("adds up a person's month per payer: opening + credits + spends + refunds = closing = the ledger", async () => {
    const deps = createTestDeps();
    const { manager, employee, admin } = await makeCast(orm);
    const company = await makePayer(orm, { name: 'Company subsidy statement' });
    const promo = await makePayer(orm, { name: 'Promo statement', kind: 'promo' });
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
    await fund(orm, employee, company, 3_000, lastMonth);
    await fund(orm, employee, promo, 500);
    const dish = await makeProduct(orm, { priceCents: 1_200 });
    const asEmployee = await createTestCaller({ user: employee, deps });
    const kept = await asEmployee.order.place({
      items: [{ productId: dish.id, quantity: 1 }],
      idempotencyKey: newIdempotencyKey(),
    });
    const refunded = await asEmployee.order.place({
      items: [{ productId: dish.id, quantity: 1 }],
      idempotencyKey: newIdempotencyKey(),
    });
    await (await createTestCaller({ user: manager, deps })).order.refund({ orderId: refunded.id });
    expect(kept.totalCents).toBe(1_200);

    const month = now.toISOString().slice(0, 7);
    const report = await (await createTestCaller({ user: manager, deps })).report.statement({ userId: employee.id, month });
    expect(report).toMatchObject({ userName: employee.name, openingCents: 3_000, closingCents: 2_300 });
    const companyLine = report.byPayer.find((line) => line.payerId === company.id);
    // Oldest money first: both orders drew on the company's lot; one was refunded back to it.
    expect(companyLine).toEqual({
      payerId: company.id,
      payerName: 'Company subsidy statement',
      openingCents: 3_000,
      creditsCents: 0,
      spendsCents: -2_400,
      refundsCents: 1_200,
      closingCents: 1_800,
    });
    expect(report.byPayer.find((line) => line.payerId === promo.id)).toMatchObject({
      openingCents: 0,
      creditsCents: 500,
      closingCents: 500,
    });
    const ledger = await balanceByPayer(orm.em.fork(), employee.id);
    for (const line of report.byPayer) {
      expect(line.closingCents).toBe(ledger.find((row) => row.payerId === line.payerId)?.amountCents ?? 0);
    }
    // Last month closes where this one opens.
    const previous = await (await createTestCaller({ user: admin, deps })).report.statement({
      userId: employee.id,
      month: lastMonth.toISOString().slice(0, 7),
    });
    expect(previous.closingCents).toBe(report.openingCents);

    const stranger = await makeUser(orm, { department: await makeDepartment(orm) });
    await expect(
      (await createTestCaller({ user: manager, deps })).report.statement({ userId: stranger.id, month }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(asEmployee.report.statement({ userId: employee.id, month })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('report.topDishes, salesByCategory, spendByDepartment and funding', () => {
  it('agree with the orders placed, leave out refunds, and keep managers to their department', async () => {
    const deps = createTestDeps();
    const { department, manager, employee, admin } = await makeCast(orm);
    const otherDepartment = await makeDepartment(orm, { name: 'Zeta team' });
    const elsewhere = await makeUser(orm, { department: otherDepartment });
    const company = await makePayer(orm, { name: 'Company funding report' });
    const promo = await makePayer(orm, { name: 'Promo funding report', kind: 'promo' });
    await fund(orm, employee, promo, 300, new Date(Date.now() - 2 * DAY));
    await fund(orm, employee, company, 5_000);
    await fund(orm, elsewhere, company, 5_000);
    const soups = await makeCategory(orm, 'Soups report');
    const mains = await makeCategory(orm, 'Mains report');
    const soup = await makeProduct(orm, { name: 'Soup report', priceCents: 400, category: soups });
    const curry = await makeProduct(orm, { name: 'Curry report', priceCents: 900, category: mains });
    const place = async (user: typeof employee, items: [typeof soup, number][]) =>
      (await createTestCaller({ user, deps })).order.place({
        items: items.map(([product, quantity]) => ({ productId: product.id, quantity })),
        idempotencyKey: newIdempotencyKey(),
      });
    await place(employee, [
      [soup, 2],
      [curry, 1],
    ]); // 1,700: 300 promo + 1,400 company
    await place(elsewhere, [[soup, 1]]); // 400
    const refunded = await place(elsewhere, [[curry, 3]]);
    await (await createTestCaller({ user: admin, deps })).order.refund({ orderId: refunded.id });

    const asAdmin = await createTestCaller({ user: admin, deps });
    expect(await asAdmin.report.topDishes({ ...range(), limit: 5 })).toEqual([
      { productId: soup.id, productName: 'Soup report', categoryName: 'Soups report', quantity: 3, revenueCents: 1_200 },
      { productId: curry.id, productName: 'Curry report', categoryName: 'Mains report', quantity: 1, revenueCents: 900 },
    ]);
    expect(
      (await asAdmin.report.salesByCategory(range())).map((row) => [row.categoryName, row.quantity, row.revenueCents]),
    ).toEqual([
      ['Soups report', 3, 1_200],
      ['Mains report', 1, 900],
    ]);
    expect(
      (await asAdmin.report.spendByDepartment(range())).map((row) => [row.departmentId, row.orders, row.revenueCents]),
    ).toEqual([
      [department.id, 1, 1_700],
      [otherDepartment.id, 1, 400],
    ]);
    expect((await asAdmin.report.funding(range())).map((row) => [row.payerName, row.fundedCents])).toEqual([
      ['Company funding report', 1_800],
      ['Promo funding report', 300],
    ]);

    const asManager = await createTestCaller({ user: manager, deps });
    expect((await asManager.report.topDishes({ ...range(), limit: 5 })).map((row) => row.quantity)).toEqual([2, 1]);
    expect((await asManager.report.spendByDepartment(range())).map((row) => row.departmentId)).toEqual([department.id]);
    expect((await asManager.report.funding(range())).map((row) => row.fundedCents)).toEqual([1_400, 300]);
    await expect(asManager.report.salesByCategory({ ...range(), departmentId: otherDepartment.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
