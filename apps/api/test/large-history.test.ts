import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Department, User, buildUser, createOrmConfig, generateHistory, hashPassword } from '@canteen/db';
import * as reports from '../src/modules/report/report.service';
import { freshDatabase, quietMigrations } from './db';
import { NO_SUMMARY_DRIFT, summaryDrift } from './helpers';

/*
 * The reports on a large generated history (LARGE_HISTORY_ORDERS orders by one person per 100 orders over 300
 * dishes and a year: 100,000 by default so `npm test` stays quick, 1,000,000 in .ci/run's second API pass): every report's SQL is planned on the summaries and the indexes, never a scan of the
 * orders, lines or ledger; the answers agree with the history itself. Timings are printed for the record, not
 * asserted (`pnpm bench` measures them): docs/REPORTS.md keeps the plans and numbers.
 */
const ORDERS = Number(process.env.LARGE_HISTORY_ORDERS ?? 100_000);
const HISTORY_TABLES = ['canteen_order', 'order_line', 'wallet_entry', 'wallet_draw'];

type Captured = { text: string; values: unknown[] };
type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };

/** Every statement sent while `run` runs, captured at the driver, so the test explains exactly what ran. */
const captureQueries = async <T>(run: () => Promise<T>): Promise<{ result: T; queries: Captured[] }> => {
  const queries: Captured[] = [];
  // The driver's overloaded method, wrapped while the report runs and put back as it was.
  const original: (...args: unknown[]) => unknown = Reflect.get(pg.Client.prototype, 'query');
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    const text = typeof first === 'string' ? first : first.text;
    if (/^\s*(select|with)\b/i.test(text))
      queries.push({ text, values: (typeof first === 'string' ? second : first.values) ?? [] });
    return original.apply(this, args);
  } as typeof pg.Client.prototype.query;
  try {
    return { result: await run(), queries };
  } finally {
    pg.Client.prototype.query = original as typeof pg.Client.prototype.query;
  }
};

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const orm = await (async () => {
  const clientUrl = await freshDatabase(`canteen_large_${inject('runId')}`);
  const instance = await MikroORM.init(quietMigrations(createOrmConfig({ clientUrl, pool: { max: 4 } })));
  await instance.migrator.up();
  return instance;
})();

afterAll(async () => {
  await orm.close(true);
});

describe(`reports on a generated history of ${ORDERS.toLocaleString('en')} orders`, () => {
  it('loads the history with set-based SQL, and every report reads summaries and indexes, never the history', async () => {
    const generated = await generateHistory(orm.em.fork(), {
      orders: ORDERS,
      employees: Math.max(100, Math.round(ORDERS / 100)),
      dishes: 300,
      days: 365,
    });
    console.info('generated', generated);
    expect(generated.orders).toBe(ORDERS);

    const em = orm.em.fork();
    const department = await em.findOneOrFail(Department, { code: { $like: 'G%' } }, { orderBy: { code: 'asc' } });
    const passwordHash = await hashPassword('Large-History-2026');
    const admin = buildUser(em, { role: 'admin', passwordHash });
    const manager = buildUser(em, { role: 'manager', department, passwordHash });
    await em.flush();
    const person = await em.findOneOrFail(User, { department, role: 'employee' }, { orderBy: { id: 'asc' } });

    const today = new Date();
    const midnight = (offset: number) =>
      new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset)).toISOString();
    const year = { from: midnight(-366), to: midnight(1) };
    // A range starting and ending mid-day reads its two partial days from the orders, through their time index.
    const ragged = { from: new Date(Date.parse(midnight(-31)) + 9.5 * 3_600_000).toISOString(), to: today.toISOString() };
    const month = today.toISOString().slice(0, 7);
    const lastMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    const as = (user: User) =>
      ({ em: orm.em.fork(), user: em.getReference(User, user.id) }) as Parameters<typeof reports.funding>[0];
    const withUser = async (user: User) => {
      const ctx = as(user);
      ctx.user = await ctx.em.findOneOrFail(User, user.id, { populate: ['department'] });
      return ctx;
    };
    const cases: [string, User, (ctx: Parameters<typeof reports.funding>[0]) => Promise<unknown>][] = [
      ['revenue, year, company', admin, (ctx) => reports.revenueReport(ctx, year)],
      ['revenue, ragged month, department', manager, (ctx) => reports.revenueReport(ctx, ragged)],
      ['topDishes, year, company', admin, (ctx) => reports.topDishes(ctx, { ...year, limit: 10 })],
      ['topDishes, year, department', manager, (ctx) => reports.topDishes(ctx, { ...year, limit: 10 })],
      ['salesByCategory, year, company', admin, (ctx) => reports.salesByCategory(ctx, year)],
      ['spendByDepartment, year, company', admin, (ctx) => reports.spendByDepartment(ctx, year)],
      ['funding, year, company', admin, (ctx) => reports.funding(ctx, year)],
      ['funding, ragged month, department', manager, (ctx) => reports.funding(ctx, ragged)],
      ['statement, one person', manager, (ctx) => reports.statement(ctx, { userId: person.id, month })],
      ['statements, payroll, company', admin, (ctx) => reports.companyStatements(ctx, { month })],
      ['statements, payroll, company, last month', admin, (ctx) => reports.companyStatements(ctx, { month: lastMonth })],
      ['statements, payroll, department', manager, (ctx) => reports.companyStatements(ctx, { month })],
    ];

    const probe = new pg.Client({ connectionString: orm.config.get('clientUrl') });
    await probe.connect();
    try {
      const timings: Record<string, string> = {};
      for (const [name, user, report] of cases) {
        const { queries } = await captureQueries(async () => report(await withUser(user)));
        const relations = new Set<string>();
        for (const query of queries) {
          const explained = await probe.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
            `explain (format json) ${query.text}`,
            query.values,
          );
          for (const node of nodesOf(explained.rows[0]!['QUERY PLAN'][0].Plan)) {
            if (node['Relation Name']) relations.add(`${node['Node Type']} ${node['Relation Name']}`);
          }
        }
        const scansOfHistory = [...relations].filter(
          (r) => r.startsWith('Seq Scan') && HISTORY_TABLES.some((t) => r.endsWith(` ${t}`)),
        );
        expect({ name, scansOfHistory }).toEqual({ name, scansOfHistory: [] });
        const runs: number[] = [];
        for (let i = 0; i < 5; i++) {
          const ctx = await withUser(user);
          const started = performance.now();
          await report(ctx);
          runs.push(performance.now() - started);
        }
        timings[name] = `${median(runs).toFixed(1)} ms (plan: ${[...relations].sort().join(', ')})`;
      }
      console.info('report timings, median of 5', timings);
    } finally {
      await probe.end();
    }

    // The answers are the history's: the year's revenue and the department's equal the orders themselves.
    const truth = await orm.em
      .fork()
      .getConnection()
      .execute<{ orders: string; revenue: string; department: string }[]>(
        `select count(*) orders, sum(total_cents) revenue,
                sum(total_cents) filter (where department_id = ?) department
         from canteen_order where status <> 'refunded' and created_at >= ? and created_at < ?`,
        [department.id, year.from, year.to],
      );
    const revenue = await reports.revenueReport(await withUser(admin), year);
    expect({ orders: revenue.orders, totalCents: revenue.totalCents }).toEqual({
      orders: Number(truth[0]!.orders),
      totalCents: Number(truth[0]!.revenue),
    });
    expect((await reports.revenueReport(await withUser(manager), year)).totalCents).toBe(Number(truth[0]!.department));
    // The payroll adds up: this month closes on today's balances, and it opens where last month closed.
    const payroll = await reports.companyStatements(await withUser(admin), { month });
    expect(payroll.every((row) => row.closing >= 0)).toBe(true);
    const [open] = await orm.em
      .fork()
      .getConnection()
      .execute<{ balance: string }[]>('select coalesce(sum(remaining_cents), 0) balance from wallet_entry');
    expect(payroll.reduce((sum, row) => sum + row.closing, 0)).toBe(Number(open!.balance));
    const closedLastMonth = new Map(
      (await reports.companyStatements(await withUser(admin), { month: lastMonth })).map((row) => [
        `${row.userId} ${row.payerId}`,
        row.closing,
      ]),
    );
    for (const row of payroll) expect(row.opening).toBe(closedLastMonth.get(`${row.userId} ${row.payerId}`) ?? 0);
    expect(await summaryDrift(orm)).toEqual(NO_SUMMARY_DRIFT);

    // A second load adds to the summaries the first one left (as on a database already in use) and keeps them exact.
    const more = await generateHistory(orm.em.fork(), { orders: 2_000, employees: 40, dishes: 12, days: 20, departments: 3 });
    expect(more.orders).toBe(ORDERS + 2_000);
    expect(await summaryDrift(orm)).toEqual(NO_SUMMARY_DRIFT);

    // A load killed between its phases (committed, indexes dropped) left them missing and its list of them behind;
    // the next load puts them back before anything else, the idempotency key's unique constraint included.
    const conn = orm.em.fork().getConnection();
    await conn.execute(`create schema canteen_gen`);
    await conn.execute(`create table canteen_gen.gen_index as
      select t.relname as table_name, c.conname as constraint_name, pg_get_constraintdef(c.oid) as constraint_def,
             i.indexrelid::regclass::text as index_name, pg_get_indexdef(i.indexrelid) as index_def
      from pg_index i join pg_class t on t.oid = i.indrelid left join pg_constraint c on c.conindid = i.indexrelid
      where t.relname = 'canteen_order' and not i.indisprimary`);
    await conn.execute(`alter table canteen_order drop constraint canteen_order_user_id_idempotency_key_unique`);
    await conn.execute(`drop index canteen_order_created_at_index`);
    await generateHistory(orm.em.fork(), { orders: 200, employees: 10, dishes: 5, days: 3, departments: 1 });
    const restored = await conn.execute<{ name: string }[]>(
      `select indexrelid::regclass::text as name from pg_index where indrelid = 'canteen_order'::regclass order by 1`,
    );
    expect(restored.map((row) => row.name)).toEqual(
      expect.arrayContaining(['canteen_order_created_at_index', 'canteen_order_user_id_idempotency_key_unique']),
    );
  }, 900_000);
});
