import { Migration } from '@mikro-orm/migrations';

/** Favourites (issue 14): dishes a person pins to the top of their menu. */
export class Migration20261206150000 extends Migration {
  override name = 'Migration20261206150000';

  override up(): void | Promise<void> {
    this.addSql(`create table "favourite" ("user_id" uuid not null, "product_id" uuid not null, "created_at" timestamptz not null,
      primary key ("user_id", "product_id"));`);
    this.addSql(`create index "favourite_product_id_index" on "favourite" ("product_id");`);
    this.addSql(
      `alter table "favourite" add constraint "favourite_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "favourite" add constraint "favourite_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "favourite";`);
  }
}
