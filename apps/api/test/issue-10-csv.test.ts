import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createApp } from '../src/app';
import {
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
  silentLogger,
  createTestCaller,
} from './helpers';

const orm = await getTestOrm();
const DAY = 86_400_000;

describe('CSV exports (issue 10)', () => {
  it("stream the reports with correct quoting, dot decimals, formula-safe text, and the reports' scope", async () => {
    const deps = createTestDeps();
    const app = createApp({ orm, logger: silentLogger, deps, cookieSecure: false, trustProxy: false, trustedOrigins: [] });
    const { manager, employee, admin } = await makeCast(orm);
    const tricky = await makeDepartment(orm, { name: 'R&D, "Labs"', code: 'RDL' });
    const researcher = await makeUser(orm, { department: tricky, name: '=HYPERLINK("x")' });
    const payer = await makePayer(orm);
    await fund(orm, employee, payer, 2_000);
    await fund(orm, researcher, payer, 2_000);
    const dish = await makeProduct(orm, { name: 'Soup, "hot"', priceCents: 450, category: await makeCategory(orm, 'Soups csv') });
    for (const user of [employee, researcher]) {
      await (await createTestCaller({ user, deps })).order.place({
        items: [{ productId: dish.id, quantity: 1 }],
        idempotencyKey: newIdempotencyKey(),
      });
    }
    const token = async (user: typeof admin) => `Bearer ${(await deps.tokens.sign(user.id)).token}`;
    const query = `from=${encodeURIComponent(new Date(Date.now() - DAY).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + DAY).toISOString())}`;
    const get = async (path: string, user: typeof admin | null) =>
      app.request(path, { headers: user ? { authorization: await token(user) } : {} });

    const byDepartment = await get(`/export/spend-by-department.csv?${query}`, admin);
    expect(byDepartment.status).toBe(200);
    expect(byDepartment.headers.get('content-type')).toContain('text/csv');
    const body = await byDepartment.text();
    expect(body).toContain('"R&D, ""Labs"""');
    expect(parse(body, { columns: true })).toEqual(
      expect.arrayContaining([{ department: 'R&D, "Labs"', orders: '1', revenue_eur: '4.50' }]),
    );

    const dishes = parse(await (await get(`/export/top-dishes.csv?${query}&limit=5`, admin)).text(), { columns: true });
    expect(dishes).toEqual([{ dish: 'Soup, "hot"', category: 'Soups csv', quantity: '2', revenue_eur: '9.00' }]);

    const month = new Date().toISOString().slice(0, 7);
    const statements = parse<Record<string, string>>(await (await get(`/export/statements.csv?month=${month}`, admin)).text(), {
      columns: true,
    });
    const injected = statements.find((row) => row.department === 'R&D, "Labs"');
    expect(injected).toMatchObject({
      person: `'=HYPERLINK("x")`,
      opening_eur: '0.00',
      credits_eur: '20.00',
      spends_eur: '-4.50',
      closing_eur: '15.50',
    });

    // A manager's export is their department's; other departments, employees and strangers get the API's answers.
    const managerRows = parse(await (await get(`/export/spend-by-department.csv?${query}`, manager)).text(), { columns: true });
    expect(managerRows).toHaveLength(1);
    expect((await get(`/export/spend-by-department.csv?${query}&departmentId=${tricky.id}`, manager)).status).toBe(404);
    expect((await get(`/export/revenue.csv?${query}`, employee)).status).toBe(403);
    expect((await get(`/export/audit.csv`, manager)).status).toBe(403);
    expect((await get(`/export/revenue.csv?${query}`, null)).status).toBe(401);
    expect((await get('/export/revenue.csv?from=yesterday', admin)).status).toBe(400);
    expect((await get('/export/payroll.csv', admin)).status).toBe(404);

    const audit = parse<Record<string, string>>(await (await get('/export/audit.csv?action=order.place', admin)).text(), {
      columns: true,
    });
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(audit.every((row) => row.action === 'order.place')).toBe(true);
  });
});

describe('the wallet history as CSV (issue 13)', () => {
  it('gives a person their own history, one row per order with its split, and nobody else theirs', async () => {
    const deps = createTestDeps();
    const app = createApp({ orm, logger: silentLogger, deps, cookieSecure: false, trustProxy: false, trustedOrigins: [] });
    const { employee, manager } = await makeCast(orm);
    const outsider = await makeUser(orm);
    await fund(orm, employee, await makePayer(orm, { name: 'Company, "main"' }), 300, new Date(Date.now() - 2 * DAY));
    await fund(orm, employee, await makePayer(orm, { name: 'Personal' }), 2_000, new Date(Date.now() - DAY));
    const dish = await makeProduct(orm, { name: 'Split soup', priceCents: 450 });
    const order = await (await createTestCaller({ user: employee, deps })).order.place({
      items: [{ productId: dish.id, quantity: 1 }],
      idempotencyKey: newIdempotencyKey(),
    });
    const get = async (path: string, user: typeof employee) =>
      app.request(path, { headers: { authorization: `Bearer ${(await deps.tokens.sign(user.id)).token}` } });

    const response = await get('/export/wallet-history.csv', employee);
    expect(response.status).toBe(200);
    const rows = parse<Record<string, string>>(await response.text(), { columns: true });
    expect(rows.map((row) => [row.kind, row.amount, row.order_id])).toEqual([
      ['spend', '-4.50', order.id],
      ['credit', '20.00', ''],
      ['credit', '3.00', ''],
    ]);
    expect(rows[0]?.by_payer).toBe('Company, "main": -3.00; Personal: -1.50');
    const credits = parse(await (await get('/export/wallet-history.csv?kinds=credit,refund', employee)).text(), {
      columns: true,
    });
    expect(credits).toHaveLength(2);
    expect((await get(`/export/wallet-history.csv?userId=${employee.id}`, manager)).status).toBe(200);
    expect((await get(`/export/wallet-history.csv?userId=${employee.id}`, outsider)).status).toBe(403);
    expect((await get('/export/wallet-history.csv?kinds=gift', employee)).status).toBe(400);
  });
});
