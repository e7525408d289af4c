import { Migration } from '@mikro-orm/migrations';

/**
 * The week plan (issue 15): pickup slots per weekday and their bookings per day, the menu plan's days and
 * scheduled dishes (stock per day), and on each order the day and slot it is for (history: the day it was placed,
 * no slot) and on each line the plan day whose stock it took.
 */
export class Migration20261206170000 extends Migration {
  override name = 'Migration20261206170000';

  override up(): void | Promise<void> {
    this.addSql(`create table "pickup_slot" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null,
      "weekday" int not null, "starts_at" varchar(5) not null, "capacity" int not null, "is_active" boolean not null default true,
      primary key ("id"));`);
    this.addSql(
      `alter table "pickup_slot" add constraint "pickup_slot_weekday_starts_at_unique" unique ("weekday", "starts_at");`,
    );
    this.addSql(`alter table "pickup_slot" add constraint "pickup_slot_weekday_check" check (weekday >= 1 and weekday <= 7);`);
    this.addSql(`alter table "pickup_slot" add constraint "pickup_slot_capacity_check" check (capacity > 0);`);

    this.addSql(`create table "slot_booking" ("day" date not null, "slot_id" uuid not null, "booked" int not null default 0,
      primary key ("day", "slot_id"));`);
    this.addSql(
      `alter table "slot_booking" add constraint "slot_booking_slot_id_foreign" foreign key ("slot_id") references "pickup_slot" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "slot_booking" add constraint "slot_booking_booked_check" check (booked >= 0);`);

    this.addSql(`create table "menu_day" ("day" date not null, "published_at" timestamptz null, "published_by_id" uuid null,
      "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("day"));`);
    this.addSql(
      `alter table "menu_day" add constraint "menu_day_published_by_id_foreign" foreign key ("published_by_id") references "app_user" ("id") on delete set null;`,
    );

    this.addSql(`create table "menu_day_dish" ("day" date not null, "product_id" uuid not null, "planned_quantity" int null,
      "sold" int not null default 0, "is_new" boolean not null default false, "is_chefs_choice" boolean not null default false,
      primary key ("day", "product_id"));`);
    this.addSql(`create index "menu_day_dish_product_id_index" on "menu_day_dish" ("product_id");`);
    this.addSql(
      `alter table "menu_day_dish" add constraint "menu_day_dish_day_foreign" foreign key ("day") references "menu_day" ("day") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "menu_day_dish" add constraint "menu_day_dish_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "menu_day_dish" add constraint "menu_day_dish_sold_within_plan_check" check (planned_quantity is null or sold <= planned_quantity);`,
    );
    this.addSql(
      `alter table "menu_day_dish" add constraint "menu_day_dish_planned_quantity_check" check (planned_quantity is null or planned_quantity >= 0);`,
    );
    this.addSql(`alter table "menu_day_dish" add constraint "menu_day_dish_sold_check" check (sold >= 0);`);

    this.addSql(`alter table "product" add "is_scheduled" boolean not null default false;`);

    this.addSql(
      `alter table "canteen_order" add "pickup_day" date null, add "pickup_slot_id" uuid null, add "pickup_at" timestamptz null;`,
    );
    // History: each order was for the day it was placed (UTC, as the report summaries count days).
    this.addSql(`update "canteen_order" set "pickup_day" = ("created_at" at time zone 'UTC')::date;`);
    this.addSql(`alter table "canteen_order" alter column "pickup_day" set not null;`);
    this.addSql(
      `alter table "canteen_order" add constraint "canteen_order_pickup_slot_id_foreign" foreign key ("pickup_slot_id") references "pickup_slot" ("id") on delete restrict;`,
    );
    this.addSql(`create index "canteen_order_pickup_day_index" on "canteen_order" ("pickup_day");`);

    this.addSql(`alter table "order_line" add "plan_day" date null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "order_line" drop column "plan_day";`);
    this.addSql(`alter table "canteen_order" drop constraint "canteen_order_pickup_slot_id_foreign";`);
    this.addSql(`alter table "canteen_order" drop column "pickup_day", drop column "pickup_slot_id", drop column "pickup_at";`);
    this.addSql(`alter table "product" drop column "is_scheduled";`);
    this.addSql(`drop table if exists "menu_day_dish";`);
    this.addSql(`drop table if exists "menu_day";`);
    this.addSql(`drop table if exists "slot_booking";`);
    this.addSql(`drop table if exists "pickup_slot";`);
  }
}
