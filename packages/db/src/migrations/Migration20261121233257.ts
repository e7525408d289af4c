import { Migration } from '@mikro-orm/migrations';

export class Migration20261121233257 extends Migration {
  override name = 'Migration20261121233257';

  override up(): void | Promise<void> {
    this.addSql(`create type "payer_kind" as enum ('company', 'department', 'personal', 'promo');`);
    this.addSql(`create type "order_status" as enum ('completed', 'refunded');`);
    this.addSql(`create type "wallet_entry_kind" as enum ('credit', 'adjustment', 'spend', 'refund', 'top_up');`);
    this.addSql(
      `create table "category" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(80) not null, "slug" varchar(60) not null, "sort_order" int not null default 100, primary key ("id"));`,
    );
    this.addSql(`alter table "category" add constraint "category_name_unique" unique ("name");`);
    this.addSql(`alter table "category" add constraint "category_slug_unique" unique ("slug");`);

    this.addSql(
      `create table "payer" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(80) not null, "kind" "payer_kind" not null, "department_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`alter table "payer" add constraint "payer_name_unique" unique ("name");`);
    this.addSql(`create index "payer_department_id_index" on "payer" ("department_id");`);

    this.addSql(
      `create table "product" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(120) not null, "description" text not null default '', "price_cents" int not null, "category_id" uuid not null, "allergens" text[] not null default '{}', "dietary_tags" text[] not null default '{}', "stock" int null, "is_active" boolean not null default true, "rating_count" int not null default 0, "rating_sum" int not null default 0, "search_vector" tsvector generated always as (setweight(to_tsvector('simple', coalesce(name, '')), 'A') || setweight(to_tsvector('simple', coalesce(description, '')), 'B')) stored null, primary key ("id"));`,
    );
    this.addSql(`create index "product_search_vector_index" on "product" using gin ("search_vector");`);
    this.addSql(`create index "product_dietary_tags_index" on "product" using gin ("dietary_tags");`);
    this.addSql(`create index "product_category_id_name_index" on "product" ("category_id", "name");`);
    this.addSql(`create index "product_is_active_name_index" on "product" ("is_active", "name");`);

    this.addSql(
      `create table "canteen_order" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "placed_by_id" uuid not null, "status" "order_status" not null default 'completed', "total_cents" int not null, "idempotency_key" varchar(80) not null, "request_hash" varchar(64) not null, "refunded_at" timestamptz null, "refunded_by_id" uuid null, "refund_reason" varchar(280) null, primary key ("id"));`,
    );
    this.addSql(`create index "canteen_order_placed_by_id_index" on "canteen_order" ("placed_by_id");`);
    this.addSql(`create index "canteen_order_user_id_created_at_index" on "canteen_order" ("user_id", "created_at");`);
    this.addSql(`create index "canteen_order_created_at_index" on "canteen_order" ("created_at");`);
    this.addSql(
      `alter table "canteen_order" add constraint "canteen_order_user_id_idempotency_key_unique" unique ("user_id", "idempotency_key");`,
    );

    this.addSql(
      `create table "order_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "order_id" uuid not null, "product_id" uuid not null, "quantity" int not null, "unit_price_cents" int not null, "product_name" varchar(120) not null, primary key ("id"));`,
    );
    this.addSql(`create index "order_line_order_id_index" on "order_line" ("order_id");`);
    this.addSql(`create index "order_line_product_id_index" on "order_line" ("product_id");`);

    this.addSql(
      `create table "wallet_entry" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "payer_id" uuid not null, "amount_cents" int not null, "remaining_cents" int not null default 0, "occurred_at" timestamptz not null, "kind" "wallet_entry_kind" not null, "order_id" uuid null, "created_by_id" uuid null, "note" varchar(280) null, primary key ("id"));`,
    );
    this.addSql(`create index "wallet_entry_payer_id_index" on "wallet_entry" ("payer_id");`);
    this.addSql(`create index "wallet_entry_order_id_index" on "wallet_entry" ("order_id");`);
    this.addSql(`create index "wallet_entry_created_by_id_index" on "wallet_entry" ("created_by_id");`);
    this.addSql(`create index "wallet_entry_history_index" on "wallet_entry" ("user_id", "occurred_at", "id");`);
    this.addSql(
      `create index "wallet_entry_open_lots_index" on "wallet_entry" ("user_id", "occurred_at", "id") where remaining_cents > 0;`,
    );

    this.addSql(
      `create table "wallet_draw" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "debit_id" uuid not null, "lot_id" uuid not null, "amount_cents" int not null, primary key ("id"));`,
    );
    this.addSql(`create index "wallet_draw_debit_id_index" on "wallet_draw" ("debit_id");`);
    this.addSql(`create index "wallet_draw_lot_id_index" on "wallet_draw" ("lot_id");`);

    this.addSql(
      `alter table "payer" add constraint "payer_department_id_foreign" foreign key ("department_id") references "department" ("id") on delete restrict;`,
    );

    this.addSql(
      `alter table "product" add constraint "product_category_id_foreign" foreign key ("category_id") references "category" ("id") on delete restrict;`,
    );
    this.addSql(`alter table "product" add constraint "product_price_cents_check" check (price_cents > 0);`);
    this.addSql(`alter table "product" add constraint "product_stock_check" check (stock >= 0);`);

    this.addSql(
      `alter table "canteen_order" add constraint "canteen_order_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "canteen_order" add constraint "canteen_order_placed_by_id_foreign" foreign key ("placed_by_id") references "app_user" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "canteen_order" add constraint "canteen_order_refunded_by_id_foreign" foreign key ("refunded_by_id") references "app_user" ("id") on delete set null;`,
    );
    this.addSql(`alter table "canteen_order" add constraint "canteen_order_total_cents_check" check (total_cents >= 0);`);

    this.addSql(
      `alter table "order_line" add constraint "order_line_order_id_foreign" foreign key ("order_id") references "canteen_order" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "order_line" add constraint "order_line_product_id_foreign" foreign key ("product_id") references "product" ("id") on delete restrict;`,
    );
    this.addSql(`alter table "order_line" add constraint "order_line_quantity_check" check (quantity > 0);`);
    this.addSql(`alter table "order_line" add constraint "order_line_unit_price_cents_check" check (unit_price_cents >= 0);`);

    this.addSql(
      `alter table "wallet_entry" add constraint "wallet_entry_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "wallet_entry" add constraint "wallet_entry_payer_id_foreign" foreign key ("payer_id") references "payer" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "wallet_entry" add constraint "wallet_entry_order_id_foreign" foreign key ("order_id") references "canteen_order" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "wallet_entry" add constraint "wallet_entry_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`,
    );
    this.addSql(`alter table "wallet_entry" add constraint "wallet_entry_amount_cents_check" check (amount_cents <> 0);`);
    this.addSql(
      `alter table "wallet_entry" add constraint "wallet_entry_remaining_cents_check" check (remaining_cents >= 0 and remaining_cents <= greatest(amount_cents, 0));`,
    );

    this.addSql(
      `alter table "wallet_draw" add constraint "wallet_draw_debit_id_foreign" foreign key ("debit_id") references "wallet_entry" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "wallet_draw" add constraint "wallet_draw_lot_id_foreign" foreign key ("lot_id") references "wallet_entry" ("id") on delete restrict;`,
    );
    this.addSql(`alter table "wallet_draw" add constraint "wallet_draw_amount_cents_check" check (amount_cents > 0);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "product" drop constraint "product_category_id_foreign";`);
    this.addSql(`alter table "wallet_entry" drop constraint "wallet_entry_payer_id_foreign";`);
    this.addSql(`alter table "order_line" drop constraint "order_line_product_id_foreign";`);
    this.addSql(`alter table "order_line" drop constraint "order_line_order_id_foreign";`);
    this.addSql(`alter table "wallet_entry" drop constraint "wallet_entry_order_id_foreign";`);
    this.addSql(`alter table "wallet_draw" drop constraint "wallet_draw_debit_id_foreign";`);
    this.addSql(`alter table "wallet_draw" drop constraint "wallet_draw_lot_id_foreign";`);

    this.addSql(`drop table if exists "category" cascade;`);
    this.addSql(`drop table if exists "payer" cascade;`);
    this.addSql(`drop table if exists "product" cascade;`);
    this.addSql(`drop table if exists "canteen_order" cascade;`);
    this.addSql(`drop table if exists "order_line" cascade;`);
    this.addSql(`drop table if exists "wallet_entry" cascade;`);
    this.addSql(`drop table if exists "wallet_draw" cascade;`);

    this.addSql(`drop type "payer_kind";`);
    this.addSql(`drop type "order_status";`);
    this.addSql(`drop type "wallet_entry_kind";`);
  }
}
