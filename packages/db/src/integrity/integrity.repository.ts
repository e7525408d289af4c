import type { SqlEntityManager } from '@mikro-orm/postgresql';

/**
 * The invariants money and stock must keep, checked from the rows themselves (`cli.js check`, `pnpm chaos`, the
 * tests). Each returns the rows that break it: empty means it holds.
 */

type Row = Record<string, unknown>;
const run = (em: SqlEntityManager, sql: string): Promise<Row[]> => em.getConnection().execute<Row[]>(sql);

/** Per person and payer, the entries add up to what is left in the lots, and never below zero. */
export const ledgerViolations = (em: SqlEntityManager) =>
  em.getConnection().execute<{ user_id: string; payer_id: string; entries: string; remaining: string }[]>(
    `select user_id, payer_id, sum(amount_cents) as entries, sum(remaining_cents) as remaining from wallet_entry
       group by user_id, payer_id having sum(amount_cents) <> sum(remaining_cents) or sum(amount_cents) < 0`,
  );

/** Every order has lines adding up to its total, and (when it cost something) spends of exactly that total. */
export const orderViolations = (em: SqlEntityManager) =>
  run(
    em,
    `select o.id, o.total_cents, l.lines, l.lines_cents, e.spent_cents from canteen_order o
     left join (select order_id, count(*) lines, sum(quantity * unit_price_cents) lines_cents from order_line group by 1) l
       on l.order_id = o.id
     left join (select order_id, sum(amount_cents) spent_cents from wallet_entry where kind = 'spend' group by 1) e
       on e.order_id = o.id
     left join (select order_id, sum(amount_cents) refunded_cents from wallet_entry where kind = 'refund' group by 1) r
       on r.order_id = o.id
     where coalesce(l.lines, 0) = 0 or l.lines_cents <> o.total_cents
        or (o.total_cents > 0 and coalesce(e.spent_cents, 0) <> -o.total_cents)
        -- The money of a cancelled or refunded order went back exactly once, and nobody else's did.
        or coalesce(r.refunded_cents, 0) <> case when o.status in ('cancelled', 'refunded') then o.total_cents else 0 end`,
  );

/** No counted stock below zero, no lot with more left than it held or less than nothing. */
export const negativeViolations = (em: SqlEntityManager) =>
  run(
    em,
    `select 'product' as kind, id::text, stock::bigint as value from product where stock < 0
     union all
     select 'lot', id::text, remaining_cents from wallet_entry
     where remaining_cents < 0 or remaining_cents > greatest(amount_cents, 0)`,
  );

const utcDay = (column: string) => `(${column} at time zone 'UTC')::date`;
const NO = `'00000000-0000-0000-0000-000000000000'::uuid`;
const ALL = `'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid`;

/**
 * The report summaries agree with the orders, lines and ledger entries they summarise, and no aggregate is missing
 * a row. Returns the disagreeing rows per summary.
 */
export const summaryDrift = async (em: SqlEntityManager) => {
  const drift = (summary: string, truth: string, [keys, measures]: [keys: string[], measures: string[]]) =>
    run(
      em,
      `select * from (${truth}) t full join ${summary} s using (${keys.join(', ')})
       where ${measures.map((m) => `coalesce(t.${m}, 0) <> coalesce(s.${m}, 0)`).join(' or ')}`,
    );
  const sold = `o.status not in ('cancelled', 'refunded')`;
  const paid = `canteen_order o where ${sold}`;
  /** Dishes sold per department (and all of them together) and day or month, from the paid orders' lines. */
  const dishDrift = (period: 'day' | 'month') =>
    drift(
      `report_product_sales_${period}`,
      `select d department_id, ${period === 'day' ? utcDay('o.created_at') : `date_trunc('month', o.created_at at time zone 'UTC')::date`}
              as ${period}, l.product_id, sum(l.quantity) quantity, sum(l.quantity * l.unit_price_cents) revenue_cents
       from order_line l join canteen_order o on o.id = l.order_id and ${sold}
       cross join lateral (values (coalesce(o.department_id, ${NO})), (${ALL})) v(d) group by 1, 2, 3`,
      [
        ['department_id', period, 'product_id'],
        ['quantity', 'revenue_cents'],
      ],
    );
  return {
    sales: await drift(
      'report_sales_day',
      `select coalesce(o.department_id, ${NO}) department_id, ${utcDay('o.created_at')} as day, count(*) orders,
              sum(o.total_cents) revenue_cents from ${paid} group by 1, 2`,
      [
        ['department_id', 'day'],
        ['orders', 'revenue_cents'],
      ],
    ),
    dishes: await dishDrift('day'),
    dishMonths: await dishDrift('month'),
    funding: await drift(
      'report_funding_day',
      `select case when e.order_id is null then coalesce(u.department_id, ${NO}) else coalesce(o.department_id, ${NO}) end
                as department_id, ${utcDay('e.occurred_at')} as day, e.payer_id, sum(e.amount_cents) net_cents
       from wallet_entry e join app_user u on u.id = e.user_id left join canteen_order o on o.id = e.order_id
       where e.kind in ('spend', 'refund') group by 1, 2, 3`,
      [['department_id', 'day', 'payer_id'], ['net_cents']],
    ),
    months: await drift(
      'report_wallet_month',
      `select user_id, payer_id, date_trunc('month', occurred_at at time zone 'UTC')::date as month,
              coalesce(sum(amount_cents) filter (where kind in ('credit', 'top_up', 'adjustment')), 0) credits_cents,
              coalesce(sum(amount_cents) filter (where kind = 'spend'), 0) spends_cents,
              coalesce(sum(amount_cents) filter (where kind = 'refund'), 0) refunds_cents
       from wallet_entry group by 1, 2, 3`,
      [
        ['user_id', 'payer_id', 'month'],
        ['credits_cents', 'spends_cents', 'refunds_cents'],
      ],
    ),
  };
};

/** Every check at once, as counts of the rows that break each (all zero: the data is consistent). */
export const checkIntegrity = async (em: SqlEntityManager) => {
  const drift = await summaryDrift(em);
  const counts = {
    ledger: (await ledgerViolations(em)).length,
    orders: (await orderViolations(em)).length,
    negative: (await negativeViolations(em)).length,
    ...Object.fromEntries(Object.entries(drift).map(([name, rows]) => [`summary ${name}`, rows.length])),
  };
  return { counts, isConsistent: Object.values(counts).every((n) => n === 0) };
};
