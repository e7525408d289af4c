import { Migration } from '@mikro-orm/migrations';

/** The language a person uses the app in, so the emails Canteen sends them speak it (null: English). */
export class Migration20261207090000 extends Migration {
  override name = 'Migration20261207090000';

  override up(): void | Promise<void> {
    this.addSql(`alter table "app_user" add "language" text check ("language" in ('en', 'de')) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "app_user" drop column "language";`);
  }
}
