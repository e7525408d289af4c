import { Migration } from '@mikro-orm/migrations';

export class Migration20261205160723 extends Migration {
  override name = 'Migration20261205160723';

  override up(): void | Promise<void> {
    this.addSql(`create type "payment_provider" as enum ('sandbox', 'stripe');`);
    this.addSql(`create type "payment_status" as enum ('pending', 'succeeded', 'declined', 'failed', 'expired', 'refunded');`);
    this.addSql(
      `create table "payment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "provider" "payment_provider" not null, "provider_ref" varchar(255) null, "provider_payment_ref" varchar(255) null, "amount_cents" int not null, "status" "payment_status" not null default 'pending', "checkout_url" text null, "expires_at" timestamptz not null, "settled_at" timestamptz null, "failure_reason" varchar(280) null, "refunded_cents" int not null default 0, "refund_shortfall_cents" int not null default 0, primary key ("id"));`,
    );
    this.addSql(`alter table "payment" add constraint "payment_provider_ref_unique" unique ("provider_ref");`);
    this.addSql(`create index "payment_provider_payment_ref_index" on "payment" ("provider_payment_ref");`);
    this.addSql(`create index "payment_user_id_created_at_index" on "payment" ("user_id", "created_at");`);
    this.addSql(`create index "payment_status_expires_at_index" on "payment" ("status", "expires_at");`);
    this.addSql(`create index "payment_shortfall_index" on "payment" ("created_at") where refund_shortfall_cents > 0;`);

    this.addSql(
      `create table "webhook_event" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "provider" "payment_provider" not null, "event_id" varchar(255) not null, "type" varchar(120) not null, "payment_id" uuid null, "outcome" varchar(40) null, primary key ("id"));`,
    );
    this.addSql(`create index "webhook_event_payment_id_index" on "webhook_event" ("payment_id");`);
    this.addSql(
      `alter table "webhook_event" add constraint "webhook_event_provider_event_id_unique" unique ("provider", "event_id");`,
    );

    this.addSql(`alter table "wallet_entry" add "payment_id" uuid null;`);
    this.addSql(
      `alter table "wallet_entry" add constraint "wallet_entry_payment_id_foreign" foreign key ("payment_id") references "payment" ("id") on delete restrict;`,
    );
    this.addSql(`create index "wallet_entry_payment_id_index" on "wallet_entry" ("payment_id");`);

    this.addSql(
      `alter table "payment" add constraint "payment_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete restrict;`,
    );
    this.addSql(`alter table "payment" add constraint "payment_amount_cents_check" check (amount_cents > 0);`);
    this.addSql(
      `alter table "payment" add constraint "payment_refunded_cents_check" check (refunded_cents >= 0 and refunded_cents <= amount_cents);`,
    );
    this.addSql(
      `alter table "payment" add constraint "payment_refund_shortfall_cents_check" check (refund_shortfall_cents >= 0);`,
    );

    this.addSql(
      `alter table "webhook_event" add constraint "webhook_event_payment_id_foreign" foreign key ("payment_id") references "payment" ("id") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "wallet_entry" drop constraint "wallet_entry_payment_id_foreign";`);
    this.addSql(`alter table "webhook_event" drop constraint "webhook_event_payment_id_foreign";`);

    this.addSql(`drop table if exists "payment" cascade;`);
    this.addSql(`drop table if exists "webhook_event" cascade;`);

    this.addSql(`drop index "wallet_entry_payment_id_index";`);
    this.addSql(`alter table "wallet_entry" drop column "payment_id";`);

    this.addSql(`drop type "payment_provider";`);
    this.addSql(`drop type "payment_status";`);
  }
}
