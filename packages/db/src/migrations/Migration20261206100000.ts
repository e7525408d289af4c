import { Migration } from '@mikro-orm/migrations';
import { ALL_DEPARTMENTS, NO_DEPARTMENT, UTC_DAY, foldEntries, foldLines, foldOrders } from './Migration20261205185202';

/** Orders whose money went back (cancelled or refunded) are not sales. */
const SOLD = `status not in ('cancelled', 'refunded')`;

/**
 * The kitchen (issue 14, docs/adr/0014-kitchen-and-live-events.md):
 * - the order lifecycle: `completed` becomes `collected` (paid orders were handed over at once until now), new
 *   orders start `placed`, and a `cancelled` order leaves the sales like a refunded one;
 * - the `kitchen` role;
 * - `live_event`, the outbox of what open screens are told, written in the transaction of the change. Its `xid`
 *   (the writing transaction's id) lets readers deliver events only once every transaction before them has ended,
 *   so a reconnecting screen resumes from its last event id without a gap.
 */
export class Migration20261206100000 extends Migration {
  override name = 'Migration20261206100000';

  override up(): void | Promise<void> {
    this.addSql(`create type "order_status_v2" as enum ('placed', 'preparing', 'ready', 'collected', 'cancelled', 'refunded');`);
    this.addSql(`alter table "canteen_order" alter column "status" drop default;`);
    this.addSql(`alter table "canteen_order" alter column "status" type "order_status_v2"
      using (case "status"::text when 'completed' then 'collected' else "status"::text end)::"order_status_v2";`);
    this.addSql(`alter table "canteen_order" alter column "status" set default 'placed';`);
    this.addSql(`drop type "order_status";`);
    this.addSql(`alter type "order_status_v2" rename to "order_status";`);
    this.addSql(`alter table "canteen_order" add column "status_changed_at" timestamptz null,
      add column "ready_at" timestamptz null, add column "collected_at" timestamptz null,
      add column "cancelled_at" timestamptz null;`);
    this.addSql(`update "canteen_order" set "status_changed_at" = coalesce("refunded_at", "created_at"),
      "collected_at" = "created_at";`);
    this.addSql(`alter table "canteen_order" alter column "status_changed_at" set not null;`);
    // The kitchen's queue: the orders still open, oldest first.
    this.addSql(`create index "canteen_order_open_index" on "canteen_order" ("created_at")
      where "status" in ('placed', 'preparing', 'ready');`);

    this.addSql(`alter type "user_role" add value if not exists 'kitchen';`);

    this.addSql(`create table "live_event" ("id" bigserial primary key, "xid" xid8 not null default pg_current_xact_id(),
      "created_at" timestamptz not null default now(), "audience" varchar(16) not null, "user_id" uuid null,
      "payload" jsonb not null);`);
    this.addSql(`create index "live_event_xid_id_index" on "live_event" ("xid", "id");`);
    this.addSql(`create index "live_event_created_at_index" on "live_event" ("created_at");`);
    // The delivery horizon: the oldest transaction still running in this database (as of the calling statement's
    // snapshot), or the snapshot's end when none is. PostgreSQL's own xmin would do, but it counts the whole
    // cluster: a long transaction in another database (a report, a migration, another app) would hold every live
    // event back. An in-progress transaction is left out only while it is seen running in another database; one
    // that ended since, or cannot be placed, counts, so nothing of this database is ever skipped.
    this.addSql(`create function live_horizon() returns xid8 language sql stable as $$
      with s as (select pg_current_snapshot() as snap),
      elsewhere as (
        select backend_xid::text::bigint as xid32 from pg_stat_activity
        where backend_xid is not null and datname is distinct from current_database())
      select coalesce(
        (select min(x) from s, pg_snapshot_xip(s.snap) as x
         where (x::text::bigint % 4294967296) not in (select xid32 from elsewhere)),
        (select pg_snapshot_xmax(snap) from s))
    $$;`);
    // Wakes every process LISTENing (the embedded default: no Redis) when the events' transaction commits.
    this.addSql(`create function live_event_notify() returns trigger language plpgsql as $$
      begin perform pg_notify('canteen_live', ''); return null; end $$;`);
    this.addSql(`create trigger live_event_notify after insert on live_event
      for each statement execute function live_event_notify();`);

    // The report summaries count sales: cancelled orders leave them as refunded ones do.
    this.addSql(`create or replace function report_rebuild() returns void language plpgsql as $$
      begin
        truncate report_sales_day, report_product_sales_day, report_product_sales_month, report_funding_day,
          report_wallet_month;
        ${foldOrders(`(select * from canteen_order where ${SOLD})`, 1)}
        insert into report_product_sales_day (department_id, day, product_id, quantity, revenue_cents)
        select coalesce(o.department_id, ${NO_DEPARTMENT}), ${UTC_DAY('o.created_at')}, l.product_id, sum(l.quantity),
               sum(l.quantity * l.unit_price_cents::bigint)
        from order_line l join canteen_order o on o.id = l.order_id and o.${SOLD}
        group by 1, 2, 3;
        insert into report_product_sales_day (department_id, day, product_id, quantity, revenue_cents)
        select ${ALL_DEPARTMENTS}, day, product_id, sum(quantity), sum(revenue_cents)
        from report_product_sales_day group by 2, 3;
        insert into report_product_sales_month (department_id, month, product_id, quantity, revenue_cents)
        select department_id, date_trunc('month', day)::date, product_id, sum(quantity), sum(revenue_cents)
        from report_product_sales_day group by 1, 2, 3;
        ${foldEntries('wallet_entry')}
      end $$;`);
    this.addSql(`create or replace function report_orders_inserted() returns trigger language plpgsql as $$
      begin ${foldOrders(`(select * from inserted where ${SOLD})`, 1)} return null; end $$;`);
    this.addSql(`create or replace function report_orders_updated() returns trigger language plpgsql as $$
      begin
        ${foldOrders(`(select n.* from new_rows n join old_rows p on p.id = n.id where p.${SOLD} and not (n.${SOLD}))`, -1)}
        ${foldLines(
          `new_rows o join old_rows p on p.id = o.id and p.${SOLD} and not (o.${SOLD})
           join order_line l on l.order_id = o.id`,
          -1,
        )}
        return null;
      end $$;`);
    this.addSql(`create or replace function report_lines_inserted() returns trigger language plpgsql as $$
      begin ${foldLines(`inserted l join canteen_order o on o.id = l.order_id and o.${SOLD}`, 1)} return null; end $$;`);
  }

  override down(): void | Promise<void> {
    const OLD_SOLD = `status <> 'refunded'`;
    this.addSql(`create or replace function report_orders_inserted() returns trigger language plpgsql as $$
      begin ${foldOrders(`(select * from inserted where ${OLD_SOLD})`, 1)} return null; end $$;`);
    this.addSql(`create or replace function report_orders_updated() returns trigger language plpgsql as $$
      begin
        ${foldOrders(`(select n.* from new_rows n join old_rows p on p.id = n.id where p.${OLD_SOLD} and not (n.${OLD_SOLD}))`, -1)}
        ${foldLines(
          `new_rows o join old_rows p on p.id = o.id and p.${OLD_SOLD} and not (o.${OLD_SOLD})
           join order_line l on l.order_id = o.id`,
          -1,
        )}
        return null;
      end $$;`);
    this.addSql(`create or replace function report_lines_inserted() returns trigger language plpgsql as $$
      begin ${foldLines(`inserted l join canteen_order o on o.id = l.order_id and o.${OLD_SOLD}`, 1)} return null; end $$;`);
    this.addSql(`drop table if exists "live_event";`);
    this.addSql(`drop function if exists live_event_notify;`);
    this.addSql(`drop function if exists live_horizon;`);
    this.addSql(`drop index if exists "canteen_order_open_index";`);
    this.addSql(`alter table "canteen_order" drop column "status_changed_at", drop column "ready_at",
      drop column "collected_at", drop column "cancelled_at";`);
    // A cancelled order's money went back: it reads as refunded in the old two-state model.
    this.addSql(`create type "order_status_v1" as enum ('completed', 'refunded');`);
    this.addSql(`alter table "canteen_order" alter column "status" drop default;`);
    this.addSql(`alter table "canteen_order" alter column "status" type "order_status_v1"
      using (case when "status" in ('cancelled', 'refunded') then 'refunded' else 'completed' end)::"order_status_v1";`);
    this.addSql(`alter table "canteen_order" alter column "status" set default 'completed';`);
    this.addSql(`drop type "order_status";`);
    this.addSql(`alter type "order_status_v1" rename to "order_status";`);
    // PostgreSQL cannot drop an enum value; kitchen accounts become employees and the value stays unused.
    this.addSql(`update "app_user" set "role" = 'employee' where "role" = 'kitchen';`);
  }
}
