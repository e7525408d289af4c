import { randomBytes } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { type CanteenDb, kysely } from '../query';
import type { Kysely } from 'kysely';
import { ALL_DEPARTMENTS, NO_DEPARTMENT } from '../report/sales-summary.entity';
import { hashPassword } from '../user/password-hash';

export type HistoryOptions = {
  /** Employees to create (each with a department, a company and a department allowance). */
  employees: number;
  /** Dishes to create, spread over the existing categories (or six new ones). */
  dishes: number;
  /** Past orders to create, one to three dishes each, placed at lunchtime on the past `days` days. */
  orders: number;
  days: number;
  departments: number;
  /** The password every generated person signs in with. */
  password: string;
  /** Makes the data the same on every run (PostgreSQL's `setseed`, between -1 and 1). */
  seed: number;
};

export const HISTORY_DEFAULTS: HistoryOptions = {
  employees: 10_000,
  dishes: 300,
  orders: 1_000_000,
  days: 365,
  departments: 20,
  password: 'Canteen-Demo-2026',
  seed: 0.42,
};

export type HistoryResult = {
  departments: number;
  employees: number;
  dishes: number;
  orders: number;
  lines: number;
  walletEntries: number;
  seconds: number;
  /** Milliseconds per step, to see where a slow load spends its time. */
  stepsMs: Record<string, number>;
};

const FIRST = ['Ada', 'Ben', 'Cleo', 'Dan', 'Eva', 'Finn', 'Gia', 'Hugo', 'Ines', 'Jon', 'Kai', 'Lea', 'Mia', 'Noah', 'Olga'];
const LAST = ['Berg', 'Costa', 'Dietz', 'Evans', 'Fischer', 'Garcia', 'Hansen', 'Ito', 'Jansen', 'Kowalski', 'Lopez', 'Meyer'];
const STYLES = ['Smoky', 'Spicy', 'Garden', 'Classic', 'Roasted', 'Crispy', 'Creamy', 'Herbed', 'Lemon', 'Harissa', 'Miso'];
const BASES = ['Lentil Soup', 'Chicken Curry', 'Tofu Bowl', 'Beef Stew', 'Falafel Wrap', 'Pasta', 'Risotto', 'Salad', 'Burger'];

type Run = (query: ReturnType<typeof sql>, step?: string) => Promise<void>;

const textArray = (values: string[]) => sql`array[${sql.join(values)}]::text[]`;
/** The UTC day and month of a time, as the summaries' triggers compute them. */
const utcDay = (at: ReturnType<typeof sql>) => sql`((${at}) at time zone 'UTC')::date`;
const utcMonth = (at: ReturnType<typeof sql>) => sql`date_trunc('month', (${at}) at time zone 'UTC')::date`;

/**
 * Each phase's transaction: a bulk load of rows that are consistent by construction, as pg_restore loads a dump (no
 * per-row foreign-key checks, no per-statement summary triggers, which would redo the summaries' work), with room
 * to sort and hash in memory, and the working schema on the search path.
 */
const loadSettings = async (run: Run) => {
  // The one session-local working table (the dish summary's reload) stays in memory: possible only before the
  // session's first temporary table, hence the guard.
  await run(sql`do $$ begin perform set_config('temp_buffers', '1GB', true); exception when others then null; end $$`);
  await run(sql`set local session_replication_role = replica`);
  await run(sql`set local synchronous_commit = off`);
  await run(sql`set local work_mem = '256MB'`);
  await run(sql`set local maintenance_work_mem = '512MB'`);
  await run(sql`select set_config('search_path', current_setting('search_path') || ', canteen_gen', true)`);
};

/**
 * Puts back the indexes and unique constraints a load dropped (listed in `canteen_gen.gen_index`) that are missing:
 * those of the dish summary, of the other tables, or all; nothing when no load left that list.
 */
const rebuildIndexes = (tables: 'dish summary' | 'others' | 'all') => {
  const which =
    tables === 'dish summary'
      ? sql`table_name = 'report_product_sales_day'`
      : tables === 'others'
        ? sql`table_name <> 'report_product_sales_day'`
        : sql`true`;
  return sql`do $$ declare r record; begin
    if to_regclass('canteen_gen.gen_index') is null then return; end if;
    for r in select * from canteen_gen.gen_index where ${which} and to_regclass(index_name) is null loop
      if r.constraint_name is not null then
        execute format('alter table %I add constraint %I %s', r.table_name, r.constraint_name, r.constraint_def);
      else
        execute r.index_def;
      end if;
    end loop; end $$`;
};

const restoreIndexes = (em: SqlEntityManager) => rebuildIndexes('all').execute(kysely(em));

/**
 * Both sides of a phase, to the end: when one fails, the other still finishes (or fails) before the load goes on
 * to put indexes back, so nothing is still building one while it is restored. Throws the first failure.
 */
const settled = async (sides: Promise<unknown>[]) => {
  const results = await Promise.allSettled(sides);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
};

/**
 * Loads a large, consistent history with set-based SQL (a few statements, no per-row round trips), for the report
 * timings (apps/api/test/large-history.test.ts) and `pnpm bench`: departments with their budgets, employees,
 * dishes, and past orders with lines, spends, monthly allowances and the draws that link them, as the ledger
 * would have recorded them (oldest money first: each month the company's allowance, then the department's).
 * Every balance adds up: each month's allowances are spent exactly, and everyone keeps a fresh 50.00 company
 * credit to order with. The report summaries get the new history at the end.
 *
 * It runs in three phases, each a transaction: plan everything in unlogged working tables (schema `canteen_gen`)
 * and drop the big tables' secondary indexes; insert orders and lines on one connection while the ledger goes in on
 * another; rebuild the indexes on one while the summaries are added on the other. The two cores of a small machine
 * both work (1,000,000 orders: 52 s in one transaction before, see docs/REPORTS.md). A failure puts back any
 * missing index, but what was committed stays: run it on a database nobody uses meanwhile, as a test or a bench.
 *
 * Hand-written SQL on purpose (docs/adr/0007-query-layer.md allows it where the ORM cannot say it): a million
 * orders through the unit of work would take an hour. Runs on a migrated database, beside the demo data.
 */
export const generateHistory = async (em: SqlEntityManager, options: Partial<HistoryOptions> = {}): Promise<HistoryResult> => {
  const o = { ...HISTORY_DEFAULTS, ...options };
  const started = performance.now();
  const steps: Record<string, number> = {};
  const passwordHash = await hashPassword(o.password);
  const timed = () => {
    let last = performance.now();
    return (db: Kysely<CanteenDb>): Run =>
      async (query, step) => {
        await query.execute(db);
        if (step) {
          steps[step] = Math.round(performance.now() - last);
          last = performance.now();
        }
      };
  };
  /** One phase in its own transaction, on its own connection, with the load's settings. */
  const phase = (work: (run: Run) => Promise<void>) => {
    const runner = timed();
    return em.fork().transactional(async (tx) => {
      const run = runner(kysely(tx));
      await loadSettings(run);
      await work(run);
    });
  };
  const company = sql`(select id from payer where kind = 'company' order by created_at limit 1)`;
  // One instant for the whole load: its phases are separate transactions, each with its own now(), and the welcome
  // credits (phase 2) and their month in the summaries (phase 3) must agree even across a month's end.
  const welcomeAt = sql`${new Date(Date.now() - 60_000).toISOString()}::timestamptz`;
  /** The summaries' department of an order: its eater's when it was placed, or the no-department row. */
  const department = sql`coalesce(department_id, ${NO_DEPARTMENT}::uuid)`;
  // A load killed between its phases (Ctrl-C) left the big tables without their indexes, and its list of them.
  await restoreIndexes(em);
  await sql`drop schema if exists canteen_gen cascade`.execute(kysely(em));
  await sql`create schema canteen_gen`.execute(kysely(em));
  let isIndexed = false;
  try {
    // 1. Plan everything in working tables (unlogged, in a schema of their own, so the next phases' sessions see
    //    them), drop the big tables' secondary indexes, and add the departments, dishes and people.
    await phase(async (run) => {
      // Secondary indexes and unique constraints of the big tables are dropped for the load and built again after
      // it: one sorted build each instead of millions of random inserts into indexes larger than the buffer cache.
      await run(sql`create unlogged table canteen_gen.gen_index as
        select t.relname as table_name, c.conname as constraint_name, pg_get_constraintdef(c.oid) as constraint_def,
               i.indexrelid::regclass::text as index_name, pg_get_indexdef(i.indexrelid) as index_def
        from pg_index i
        join pg_class t on t.oid = i.indrelid
        left join pg_constraint c on c.conindid = i.indexrelid
        where t.relnamespace = current_schema()::regnamespace
          and (t.relname in ('canteen_order', 'order_line', 'wallet_entry', 'wallet_draw') and not i.indisprimary
               -- The one summary big enough to matter (a row per department, day and dish) is reloaded whole below.
               or t.relname = 'report_product_sales_day')`);
      await run(sql`do $$ declare r record; begin
        for r in select * from gen_index loop
          if r.constraint_name is not null then
            execute format('alter table %I drop constraint %I', r.table_name, r.constraint_name);
          else
            execute format('drop index %s', r.index_name);
          end if;
        end loop; end $$`);
      await run(sql`select setseed(${o.seed}::float8)`);
      // Each working table is analysed once built: without statistics the planner takes a 300-row table for a
      // one-row one and joins two million lines to it by nested loop (40 s instead of 3).
      // A time-ordered uuid (version 7: 48 bits of milliseconds, the version, random bits, the variant), as the
      // application's ids are, so lists sorted by id stay in time order. The seeded random() makes the same data on
      // every run, so its bits are mixed with a salt drawn for this run: a second load never repeats an id.
      const salt = BigInt.asUintN(62, BigInt(`0x${randomBytes(8).toString('hex')}`));
      await run(
        sql`create or replace function canteen_gen.uuid7(at timestamptz) returns uuid language sql volatile as $$
        select encode(int8send((floor(extract(epoch from at) * 1000)::bigint << 16) | 28672
                               | (floor(random() * 4096)::int # ${sql.lit(Number(salt & 4095n))}))
          || int8send((floor(random() * 4611686018427387904)::bigint # ${sql.lit(salt.toString())}::bigint)
                      | (-9223372036854775808)::bigint), 'hex')::uuid
      $$`,
      );
      const since = sql`date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' - make_interval(days => ${o.days})`;
      const tag = sql`lpad(to_hex((extract(epoch from now()) * 1000)::bigint % 1048576), 5, '0')`;

      await run(sql`create unlogged table canteen_gen.gen_department as
        select n, canteen_gen.uuid7(now()) as id, canteen_gen.uuid7(now()) as payer_id,
               'Team ' || ${tag} || '-' || lpad(n::text, 3, '0') as name
        from generate_series(1, ${o.departments}::int) n`);
      await run(sql`analyze gen_department`);
      await run(
        sql`insert into department (id, created_at, updated_at, name, code)
        select id, now(), now(), name, 'G' || ${tag} || lpad(n::text, 3, '0') from gen_department`,
        'departments',
      );
      await run(sql`insert into payer (id, created_at, updated_at, name, kind, department_id)
        select payer_id, now(), now(), name || ' budget', 'department', id from gen_department`);
      await run(sql`insert into payer (id, created_at, updated_at, name, kind)
        select canteen_gen.uuid7(now()), now(), now(), 'Company', 'company'
        where not exists (select 1 from payer where kind = 'company')`);

      // Categories of its own only on a database that has none, named apart from the demo menu's, so the demo
      // seed can still run on the same database afterwards.
      await run(sql`insert into category (id, created_at, updated_at, name, slug, sort_order)
        select canteen_gen.uuid7(now()), now(), now(), c || ' (generated)', lower(c) || '-generated', 100
        from unnest(array['Soups', 'Mains', 'Bowls', 'Salads', 'Desserts', 'Drinks']) c
        where not exists (select 1 from category)`);
      await run(sql`create unlogged table canteen_gen.gen_product as
        with styles as (select ${textArray(STYLES)} s), bases as (select ${textArray(BASES)} b),
             categories as (select array_agg(id order by sort_order, name) ids from category)
        select n, canteen_gen.uuid7(now()) as id,
               s[1 + (n - 1) % array_length(s, 1)] || ' ' || b[1 + ((n - 1) / array_length(s, 1)) % array_length(b, 1)]
                 || case when n > array_length(s, 1) * array_length(b, 1) then ' No. ' || n else '' end as name,
               (250 + floor(random() * 40) * 25)::int as price_cents,
               ids[1 + (n - 1) % array_length(ids, 1)] as category_id
        from generate_series(1, ${o.dishes}::int) n, styles, bases, categories`);
      await run(sql`analyze gen_product`);
      await run(
        sql`insert into product (id, created_at, updated_at, name, description, price_cents, category_id)
        select id, now(), now(), name, 'A generated dish for load tests.', price_cents, category_id from gen_product`,
        'dishes',
      );

      await run(sql`create unlogged table canteen_gen.gen_user as
        with first as (select ${textArray(FIRST)} f), last as (select ${textArray(LAST)} l)
        select s.n, canteen_gen.uuid7(${since} - interval '1 day') as id,
               f[1 + (s.n - 1) % array_length(f, 1)] || ' ' || l[1 + ((s.n - 1) / array_length(f, 1)) % array_length(l, 1)]
                 || ' ' || ${tag} || lpad(s.n::text, 6, '0') as name,
               'employee' || ${tag} || lpad(s.n::text, 6, '0') || '@generated.canteen.test' as email,
               'G' || ${tag} || lpad(s.n::text, 7, '0') as employee_number,
               d.id as department_id, d.payer_id as department_payer_id
        from generate_series(1, ${o.employees}::int) s(n) cross join first cross join last
        join gen_department d on d.n = 1 + (s.n - 1) % ${o.departments}::int`);
      await run(sql`analyze gen_user`);
      await run(
        sql`insert into app_user (id, created_at, updated_at, email, name, employee_number, role, department_id,
          password_hash, password_changed_at)
        select id, ${since} - interval '1 day', now(), email, name, employee_number, 'employee', department_id,
               ${passwordHash}, now()
        from gen_user`,
        'people',
      );

      // Orders at lunchtime (11:30 to 14:00 UTC) on the past days, by random people, with one to three dishes.
      await run(
        sql`create unlogged table canteen_gen.gen_order as
        select g as n, u.id as user_id, u.department_id, u.department_payer_id, t.at, canteen_gen.uuid7(t.at) as id
        from generate_series(1, ${o.orders}::int) g
        cross join lateral (select 1 + floor(random() * ${o.employees})::int as user_n,
                                   ${since} + make_interval(days => floor(random() * ${o.days})::int,
                                     mins => 690, secs => random() * 9000) as at
                            where g > 0) t
        join gen_user u on u.n = t.user_n`,
        'plan orders',
      );
      await run(sql`analyze gen_order`);
      await run(
        sql`create unlogged table canteen_gen.gen_line as
        select o.n as order_n, o.id as order_id, o.at, o.department_id, p.id as product_id, p.name, p.price_cents,
               1 + (random() < 0.15)::int as quantity
        from gen_order o
        cross join lateral (select floor(random() * ${o.dishes})::int as base, 1 + floor(random() * 3)::int as how_many
                            where o.n > 0) pick
        cross join lateral generate_series(0, pick.how_many - 1) k
        join gen_product p on p.n = 1 + (pick.base + k * 37) % ${o.dishes}::int`,
        'plan lines',
      );
      await run(sql`analyze gen_line`);
      await run(sql`create unlogged table canteen_gen.gen_total as
        select order_n, sum(quantity * price_cents)::int as total from gen_line group by order_n`);
      await run(sql`analyze gen_total`);
      // The ledger, month by month per person: the company allowance (60%) is spent first, then the department's.
      await run(sql`create unlogged table canteen_gen.gen_spend as
        with totals as (
          select o.id as order_id, o.user_id, o.department_id, o.department_payer_id, o.at, t.total,
                 date_trunc('month', o.at at time zone 'UTC') at time zone 'UTC' as month
          from gen_order o join gen_total t on t.order_n = o.n
        ), running as (
          select *, sum(total) over (partition by user_id, month order by at, order_id) - total as before,
                    sum(total) over (partition by user_id, month) as month_total
          from totals
        ), shares as (
          select *, ceil(month_total * 0.6)::int as company_lot from running
        )
        select order_id, user_id, department_id, department_payer_id, at, month,
               greatest(0, least(total, company_lot - before))::int as from_company,
               (total - greatest(0, least(total, company_lot - before)))::int as from_department,
               company_lot, month_total - company_lot as department_lot
        from shares`);
      await run(sql`analyze gen_spend`);
      await run(
        sql`create unlogged table canteen_gen.gen_lot as
        select distinct on (user_id, month) user_id, month, department_payer_id,
               canteen_gen.uuid7(month) as company_lot_id, company_lot,
               canteen_gen.uuid7(month + interval '1 second') as department_lot_id, department_lot
        from gen_spend order by user_id, month`,
        'plan ledger',
      );
      await run(sql`analyze gen_lot`);
      await run(sql`create unlogged table canteen_gen.gen_debit as
        select canteen_gen.uuid7(s.at) as id, s.order_id, s.user_id, s.department_id, s.at, ${company} as payer_id,
               s.from_company as amount, l.company_lot_id as lot_id
        from gen_spend s join gen_lot l using (user_id, month) where s.from_company > 0
        union all
        select canteen_gen.uuid7(s.at), s.order_id, s.user_id, s.department_id, s.at, s.department_payer_id, s.from_department,
               l.department_lot_id
        from gen_spend s join gen_lot l using (user_id, month) where s.from_department > 0`);
      await run(sql`analyze gen_debit`);
    });
    // 2. Orders and lines in one session while the ledger goes in on another: the load is CPU-bound in each
    //    backend, and the two touch different tables.
    await settled([
      phase(async (run) => {
        await run(
          sql`insert into canteen_order (id, created_at, updated_at, user_id, placed_by_id, department_id, status,
            status_changed_at, collected_at, total_cents, idempotency_key, request_hash, pickup_day)
          select o.id, o.at, o.at, o.user_id, o.user_id, o.department_id, 'collected', o.at, o.at, t.total,
                 'generated-' || o.n, md5(o.n::text) || md5(o.id::text), (o.at at time zone 'UTC')::date
          from gen_order o
          join gen_total t on t.order_n = o.n
          order by o.at`,
          'orders',
        );
        await run(
          sql`insert into order_line (id, created_at, updated_at, order_id, product_id, quantity, unit_price_cents,
            product_name)
          select canteen_gen.uuid7(at), at, at, order_id, product_id, quantity, price_cents, name
          from gen_line order by at`,
          'lines',
        );
      }),
      phase(async (run) => {
        await run(
          sql`insert into wallet_entry (id, created_at, updated_at, user_id, payer_id, amount_cents, remaining_cents,
            occurred_at, kind, note)
          select company_lot_id, month, month, user_id, ${company}, company_lot, 0, month, 'credit'::wallet_entry_kind, 'Monthly allowance'
          from gen_lot where company_lot > 0
          union all
          select department_lot_id, month, month, user_id, department_payer_id, department_lot, 0,
                 month + interval '1 second', 'credit', 'Department allowance'
          from gen_lot where department_lot > 0
          union all
          select canteen_gen.uuid7(now()), now(), now(), id, ${company}, 5000, 5000, ${welcomeAt}, 'credit',
                 'Welcome credit'
          from gen_user`,
          'credits',
        );
        await run(
          sql`insert into wallet_entry (id, created_at, updated_at, user_id, payer_id, amount_cents, remaining_cents,
            occurred_at, kind, order_id, created_by_id)
          select id, at, at, user_id, payer_id, -amount, 0, at, 'spend', order_id, user_id from gen_debit order by at`,
          'spends',
        );
        await run(
          sql`insert into wallet_draw (id, created_at, updated_at, debit_id, lot_id, amount_cents)
          select canteen_gen.uuid7(at), at, at, id, lot_id, amount from gen_debit order by at`,
          'draws',
        );
        // The report summaries come from the working tables rather than from the history just written (three times
        // faster than `report_rebuild()`), added to what the summaries already hold for the history before the load,
        // as the triggers (off for the load) would have added them. `summaryDrift` in the API's tests checks them.
        await run(
          sql`insert into report_sales_day as s (department_id, day, orders, revenue_cents)
          select ${department}, ${utcDay(sql`o.at`)}, count(*), sum(t.total)
          from gen_order o join gen_total t on t.order_n = o.n
          group by 1, 2 order by 1, 2
          on conflict (department_id, day) do update
            set orders = s.orders + excluded.orders, revenue_cents = s.revenue_cents + excluded.revenue_cents`,
          'summary of sales',
        );
      }),
    ]);
    // 3. The indexes of the big tables and the small summaries on one session, the dish summaries (and their big
    //    table's key) on the other. (The sales summary went in with the ledger, the shorter side of step 2.)
    await settled([
      phase(async (run) => {
        await run(rebuildIndexes('others'), 'indexes');
        // Spends count for the department the order was placed in; allowances are credits, not funding.
        await run(
          sql`insert into report_funding_day as s (department_id, day, payer_id, net_cents)
          select ${department}, ${utcDay(sql`at`)}, payer_id, -sum(amount)
          from gen_debit group by 1, 2, 3 order by 1, 2, 3
          on conflict (department_id, day, payer_id) do update set net_cents = s.net_cents + excluded.net_cents`,
          'summary of funding',
        );
        await run(
          sql`insert into report_wallet_month as s (user_id, payer_id, month, credits_cents, spends_cents, refunds_cents)
          select user_id, payer_id, month, sum(credits), sum(spends), 0
          from (select user_id, ${company} as payer_id, ${utcMonth(sql`month`)} as month, company_lot as credits, 0 as spends
                from gen_lot where company_lot > 0
                union all
                select user_id, department_payer_id, ${utcMonth(sql`month`)}, department_lot, 0 from gen_lot where department_lot > 0
                union all
                select id, ${company}, ${utcMonth(welcomeAt)}, 5000, 0 from gen_user
                union all
                select user_id, payer_id, ${utcMonth(sql`at`)}, 0, -amount from gen_debit) x
          group by 1, 2, 3 order by 1, 2, 3
          on conflict (user_id, payer_id, month) do update
            set credits_cents = s.credits_cents + excluded.credits_cents, spends_cents = s.spends_cents + excluded.spends_cents`,
          'summary of wallets',
        );
      }),
      phase(async (run) => {
        // Dishes per department and day: the table's rows so far plus the new ones, reloaded whole without its
        // primary key (dropped with the other indexes above, built again after), then every department's total.
        await run(
          sql`create temporary table gen_product_day on commit drop as
          select department_id, day, product_id, sum(quantity)::int as quantity, sum(revenue_cents)::bigint as revenue_cents
          from (select department_id, day, product_id, quantity, revenue_cents from report_product_sales_day
                where department_id <> ${ALL_DEPARTMENTS}::uuid
                union all
                select ${department}, ${utcDay(sql`at`)}, product_id, quantity, quantity * price_cents::bigint from gen_line) x
          group by 1, 2, 3`,
          'summary of dishes: plan',
        );
        await run(sql`truncate report_product_sales_day, report_product_sales_month`);
        await run(
          sql`insert into report_product_sales_day (department_id, day, product_id, quantity, revenue_cents)
          select department_id, day, product_id, quantity, revenue_cents from gen_product_day
          union all
          select ${ALL_DEPARTMENTS}::uuid, day, product_id, sum(quantity), sum(revenue_cents) from gen_product_day group by 2, 3`,
          'summary of dishes: days',
        );
        await run(
          sql`insert into report_product_sales_month (department_id, month, product_id, quantity, revenue_cents)
          select department_id, date_trunc('month', day)::date, product_id, sum(quantity), sum(revenue_cents)
          from report_product_sales_day group by 1, 2, 3`,
          'summary of dishes: months',
        );
        await run(rebuildIndexes('dish summary'), 'summary of dishes: key');
      }),
    ]);
    isIndexed = true;
  } finally {
    // A load that failed after the indexes were dropped puts back what is missing, so the database stays usable.
    // Its list is dropped only once that worked; otherwise it stays for the next load, which restores it first.
    const isRestored =
      isIndexed ||
      (await restoreIndexes(em).then(
        () => true,
        () => false,
      ));
    if (isRestored) await sql`drop schema if exists canteen_gen cascade`.execute(kysely(em));
  }
  // Fresh statistics, so the planner sees the new sizes at once instead of after autovacuum's next pass.
  const analyzed = performance.now();
  await sql`analyze`.execute(kysely(em));
  steps.analyze = Math.round(performance.now() - analyzed);
  const counts = await sql<{ orders: string; lines: string; entries: string }>`select
      (select count(*) from canteen_order) orders, (select count(*) from order_line) lines,
      (select count(*) from wallet_entry) entries`.execute(kysely(em));
  const row = counts.rows[0]!;
  return {
    departments: o.departments,
    employees: o.employees,
    dishes: o.dishes,
    orders: Number(row.orders),
    lines: Number(row.lines),
    walletEntries: Number(row.entries),
    seconds: Math.round((performance.now() - started) / 100) / 10,
    stepsMs: steps,
  };
};
