import { Migration } from '@mikro-orm/migrations';

/** Notifications (issue 14): what a person is told in the app and by email, and their choices. */
export class Migration20261206130000 extends Migration {
  override name = 'Migration20261206130000';

  override up(): void | Promise<void> {
    this.addSql(
      `create type "notification_kind" as enum ('order_ready', 'order_cancelled', 'order_refunded', 'top_up_succeeded', 'top_up_failed', 'balance_low');`,
    );
    this.addSql(`create table "notification" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null,
      "user_id" uuid not null, "kind" "notification_kind" not null, "payload" jsonb not null, "read_at" timestamptz null,
      "emailed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "notification_user_id_created_at_index" on "notification" ("user_id", "created_at");`);
    this.addSql(`create index "notification_unread_index" on "notification" ("user_id") where "read_at" is null;`);
    this.addSql(
      `alter table "notification" add constraint "notification_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`,
    );
    this.addSql(`create table "notification_settings" ("user_id" uuid not null, "email_kinds" "notification_kind"[] not null,
      "low_balance_cents" int null, "created_at" timestamptz not null, "updated_at" timestamptz not null,
      primary key ("user_id"));`);
    this.addSql(
      `alter table "notification_settings" add constraint "notification_settings_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "notification_settings";`);
    this.addSql(`drop table if exists "notification";`);
    this.addSql(`drop type if exists "notification_kind";`);
  }
}
