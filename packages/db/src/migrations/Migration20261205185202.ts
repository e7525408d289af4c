import { Migration } from '@mikro-orm/migrations';

/**
 * Report summaries kept by the database (docs/adr/0009-report-summaries.md): five tables, the order's department
 * snapshot, and statement-level triggers that fold each INSERT of orders, lines and ledger entries (and each
 * refund of an order) into them in the same transaction, one sorted upsert per statement. Existing history is
 * summarised once here.
 */
export const NO_DEPARTMENT = `'00000000-0000-0000-0000-000000000000'::uuid`;
export const ALL_DEPARTMENTS = `'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid`;
export const UTC_DAY = (column: string) => `(${column} at time zone 'UTC')::date`;
const UTC_MONTH = (column: string) => `date_trunc('month', ${column} at time zone 'UTC')::date`;

/** Adds (sign 1) or takes back (sign -1) paid orders and their lines; `orders` is a relation of canteen_order rows. */
export const foldOrders = (orders: string, sign: 1 | -1) => `
  insert into report_sales_day as s (department_id, day, orders, revenue_cents)
  select coalesce(o.department_id, ${NO_DEPARTMENT}), ${UTC_DAY('o.created_at')}, ${sign} * count(*), ${sign} * sum(o.total_cents)
  from ${orders} o
  group by 1, 2 order by 1, 2
  on conflict (department_id, day) do update
    set orders = s.orders + excluded.orders, revenue_cents = s.revenue_cents + excluded.revenue_cents;`;

/**
 * `fromLinesAndOrders` joins lines `l` to their paid order `o`; the dishes' day and month summaries both get them.
 */
export const foldLines = (fromLinesAndOrders: string, sign: 1 | -1) => `
  insert into report_product_sales_day as s (department_id, day, product_id, quantity, revenue_cents)
  select d.department_id, ${UTC_DAY('o.created_at')}, l.product_id,
         ${sign} * sum(l.quantity), ${sign} * sum(l.quantity * l.unit_price_cents::bigint)
  from ${fromLinesAndOrders}
  cross join lateral (values (coalesce(o.department_id, ${NO_DEPARTMENT})), (${ALL_DEPARTMENTS})) d(department_id)
  group by 1, 2, 3 order by 1, 2, 3
  on conflict (department_id, day, product_id) do update
    set quantity = s.quantity + excluded.quantity, revenue_cents = s.revenue_cents + excluded.revenue_cents;
  insert into report_product_sales_month as s (department_id, month, product_id, quantity, revenue_cents)
  select d.department_id, ${UTC_MONTH('o.created_at')}, l.product_id,
         ${sign} * sum(l.quantity), ${sign} * sum(l.quantity * l.unit_price_cents::bigint)
  from ${fromLinesAndOrders}
  cross join lateral (values (coalesce(o.department_id, ${NO_DEPARTMENT})), (${ALL_DEPARTMENTS})) d(department_id)
  group by 1, 2, 3 order by 1, 2, 3
  on conflict (department_id, month, product_id) do update
    set quantity = s.quantity + excluded.quantity, revenue_cents = s.revenue_cents + excluded.revenue_cents;`;

/** `entries` is a relation of wallet_entry rows. */
export const foldEntries = (entries: string) => `
  insert into report_funding_day as s (department_id, day, payer_id, net_cents)
  select case when e.order_id is null then coalesce(u.department_id, ${NO_DEPARTMENT})
              else coalesce(o.department_id, ${NO_DEPARTMENT}) end,
         ${UTC_DAY('e.occurred_at')}, e.payer_id, sum(e.amount_cents)
  from ${entries} e
  join app_user u on u.id = e.user_id
  left join canteen_order o on o.id = e.order_id
  where e.kind in ('spend', 'refund')
  group by 1, 2, 3 order by 1, 2, 3
  on conflict (department_id, day, payer_id) do update set net_cents = s.net_cents + excluded.net_cents;
  insert into report_wallet_month as s (user_id, payer_id, month, credits_cents, spends_cents, refunds_cents)
  select e.user_id, e.payer_id, ${UTC_MONTH('e.occurred_at')},
         coalesce(sum(e.amount_cents) filter (where e.kind in ('credit', 'top_up', 'adjustment')), 0),
         coalesce(sum(e.amount_cents) filter (where e.kind = 'spend'), 0),
         coalesce(sum(e.amount_cents) filter (where e.kind = 'refund'), 0)
  from ${entries} e
  group by 1, 2, 3 order by 1, 2, 3
  on conflict (user_id, payer_id, month) do update
    set credits_cents = s.credits_cents + excluded.credits_cents,
        spends_cents = s.spends_cents + excluded.spends_cents,
        refunds_cents = s.refunds_cents + excluded.refunds_cents;`;

export class Migration20261205185202 extends Migration {
  override name = 'Migration20261205185202';

  override up(): void | Promise<void> {
    this.addSql(`alter table "canteen_order" add "department_id" uuid null;`);
    this.addSql(
      `create table "report_sales_day" ("department_id" uuid not null, "day" date not null, "orders" int not null, "revenue_cents" bigint not null, primary key ("department_id", "day"));`,
    );
    this.addSql(
      `create table "report_product_sales_day" ("department_id" uuid not null, "day" date not null, "product_id" uuid not null, "quantity" int not null, "revenue_cents" bigint not null, primary key ("department_id", "day", "product_id"));`,
    );
    this.addSql(
      `create table "report_product_sales_month" ("department_id" uuid not null, "month" date not null, "product_id" uuid not null, "quantity" int not null, "revenue_cents" bigint not null, primary key ("department_id", "month", "product_id"));`,
    );
    this.addSql(
      `create table "report_funding_day" ("department_id" uuid not null, "day" date not null, "payer_id" uuid not null, "net_cents" bigint not null, primary key ("department_id", "day", "payer_id"));`,
    );
    this.addSql(
      `create table "report_wallet_month" ("user_id" uuid not null, "payer_id" uuid not null, "month" date not null, "credits_cents" bigint not null, "spends_cents" bigint not null, "refunds_cents" bigint not null, primary key ("user_id", "payer_id", "month"));`,
    );
    this.addSql(`create index "report_wallet_month_month_index" on "report_wallet_month" ("month");`);
    this.addSql(`create index "wallet_entry_occurred_at_index" on "wallet_entry" ("occurred_at");`);

    // Recomputes every summary from the history in one pass: the backfill below, a bulk load that ran with
    // triggers off (the test data generator), or an operator who wants to be sure.
    this.addSql(`create function report_rebuild() returns void language plpgsql as $$
      begin
        truncate report_sales_day, report_product_sales_day, report_product_sales_month, report_funding_day,
          report_wallet_month;
        ${foldOrders(`(select * from canteen_order where status <> 'refunded')`, 1)}
        -- Dishes per department and day once, then the company's rows and the months from those (not from the
        -- two million lines three times over).
        insert into report_product_sales_day (department_id, day, product_id, quantity, revenue_cents)
        select coalesce(o.department_id, ${NO_DEPARTMENT}), ${UTC_DAY('o.created_at')}, l.product_id, sum(l.quantity),
               sum(l.quantity * l.unit_price_cents::bigint)
        from order_line l join canteen_order o on o.id = l.order_id and o.status <> 'refunded'
        group by 1, 2, 3;
        insert into report_product_sales_day (department_id, day, product_id, quantity, revenue_cents)
        select ${ALL_DEPARTMENTS}, day, product_id, sum(quantity), sum(revenue_cents)
        from report_product_sales_day group by 2, 3;
        insert into report_product_sales_month (department_id, month, product_id, quantity, revenue_cents)
        select department_id, date_trunc('month', day)::date, product_id, sum(quantity), sum(revenue_cents)
        from report_product_sales_day group by 1, 2, 3;
        ${foldEntries('wallet_entry')}
      end $$;`);
    // History so far: the department each order's eater is in now is the best snapshot there is.
    this.addSql(`update canteen_order o set department_id = u.department_id from app_user u where u.id = o.user_id;`);
    this.addSql(`select report_rebuild();`);

    this.addSql(`create function report_orders_inserted() returns trigger language plpgsql as $$
      begin ${foldOrders(`(select * from inserted where status <> 'refunded')`, 1)} return null; end $$;`);
    this.addSql(`create trigger report_orders_inserted after insert on canteen_order
      referencing new table as inserted for each statement execute function report_orders_inserted();`);

    // A paid order becoming refunded leaves the sales: its day's orders and revenue and its lines' dishes.
    this.addSql(`create function report_orders_updated() returns trigger language plpgsql as $$
      begin
        ${foldOrders(
          `(select n.* from new_rows n join old_rows p on p.id = n.id where p.status <> 'refunded' and n.status = 'refunded')`,
          -1,
        )}
        ${foldLines(
          `new_rows o join old_rows p on p.id = o.id and p.status <> 'refunded' and o.status = 'refunded'
           join order_line l on l.order_id = o.id`,
          -1,
        )}
        return null;
      end $$;`);
    this.addSql(`create trigger report_orders_updated after update on canteen_order
      referencing old table as old_rows new table as new_rows for each statement execute function report_orders_updated();`);

    this.addSql(`create function report_lines_inserted() returns trigger language plpgsql as $$
      begin ${foldLines(`inserted l join canteen_order o on o.id = l.order_id and o.status <> 'refunded'`, 1)} return null; end $$;`);
    this.addSql(`create trigger report_lines_inserted after insert on order_line
      referencing new table as inserted for each statement execute function report_lines_inserted();`);

    this.addSql(`create function report_entries_inserted() returns trigger language plpgsql as $$
      begin ${foldEntries('inserted')} return null; end $$;`);
    this.addSql(`create trigger report_entries_inserted after insert on wallet_entry
      referencing new table as inserted for each statement execute function report_entries_inserted();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists report_entries_inserted on wallet_entry;`);
    this.addSql(`drop trigger if exists report_lines_inserted on order_line;`);
    this.addSql(`drop trigger if exists report_orders_updated on canteen_order;`);
    this.addSql(`drop trigger if exists report_orders_inserted on canteen_order;`);
    this.addSql(
      `drop function if exists report_entries_inserted, report_lines_inserted, report_orders_updated, report_orders_inserted, report_rebuild;`,
    );
    this.addSql(`drop index "wallet_entry_occurred_at_index";`);
    this.addSql(`drop table if exists "report_wallet_month" cascade;`);
    this.addSql(`drop table if exists "report_funding_day" cascade;`);
    this.addSql(`drop table if exists "report_product_sales_month" cascade;`);
    this.addSql(`drop table if exists "report_product_sales_day" cascade;`);
    this.addSql(`drop table if exists "report_sales_day" cascade;`);
    this.addSql(`alter table "canteen_order" drop column "department_id";`);
  }
}
