import { Migration } from '@mikro-orm/migrations';

export class Migration20261121224517 extends Migration {
  override name = 'Migration20261121224517';

  override up(): void | Promise<void> {
    this.addSql(`create type "user_role" as enum ('employee', 'manager', 'admin');`);
    this.addSql(
      `create table "department" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(120) not null, "code" varchar(12) not null, primary key ("id"));`,
    );
    this.addSql(`alter table "department" add constraint "department_name_unique" unique ("name");`);
    this.addSql(`alter table "department" add constraint "department_code_unique" unique ("code");`);

    this.addSql(
      `create table "setting" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "key" varchar(80) not null, "value" jsonb not null, primary key ("id"));`,
    );
    this.addSql(`alter table "setting" add constraint "setting_key_unique" unique ("key");`);

    this.addSql(
      `create table "app_user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(254) not null, "name" varchar(120) not null, "employee_number" varchar(20) not null, "role" "user_role" not null, "department_id" uuid null, "password_hash" varchar(255) not null, "is_active" boolean not null default true, "failed_login_count" int not null default 0, "locked_until" timestamptz null, "totp_secret" varchar(64) null, "totp_enabled_at" timestamptz null, "totp_last_step" int null, "password_changed_at" timestamptz null, "last_login_at" timestamptz null, "anonymized_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);
    this.addSql(`create index "app_user_name_index" on "app_user" ("name");`);
    this.addSql(`alter table "app_user" add constraint "app_user_employee_number_unique" unique ("employee_number");`);
    this.addSql(`create index "app_user_role_index" on "app_user" ("role");`);
    this.addSql(`create index "app_user_department_id_index" on "app_user" ("department_id");`);

    this.addSql(
      `create table "session" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "family_id" uuid not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "rotated_at" timestamptz null, "revoked_at" timestamptz null, "user_agent" varchar(400) null, "ip" varchar(64) null, primary key ("id"));`,
    );
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);
    this.addSql(`create index "session_family_id_index" on "session" ("family_id");`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `create table "password_reset" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_by_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "password_reset_user_id_index" on "password_reset" ("user_id");`);
    this.addSql(`alter table "password_reset" add constraint "password_reset_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "password_reset_created_by_id_index" on "password_reset" ("created_by_id");`);

    this.addSql(
      `create table "audit_entry" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "at" timestamptz not null, "actor_id" uuid null, "action" varchar(80) not null, "entity" varchar(80) not null, "entity_id" varchar(80) null, "before" jsonb null, "after" jsonb null, "request_id" varchar(80) null, "ip" varchar(64) null, "user_agent" varchar(400) null, primary key ("id"));`,
    );
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);
    this.addSql(`create index "audit_entry_actor_id_index" on "audit_entry" ("actor_id");`);
    this.addSql(`create index "audit_entry_action_index" on "audit_entry" ("action");`);
    this.addSql(`create index "audit_entry_entity_entity_id_index" on "audit_entry" ("entity", "entity_id");`);

    this.addSql(
      `alter table "app_user" add constraint "app_user_department_id_foreign" foreign key ("department_id") references "department" ("id") on delete restrict;`,
    );

    this.addSql(
      `alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "password_reset" add constraint "password_reset_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "password_reset" add constraint "password_reset_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "audit_entry" add constraint "audit_entry_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on delete set null;`,
    );
  }
}
