import { Migration } from '@mikro-orm/migrations';

export class Migration20261201144839 extends Migration {
  override name = 'Migration20261201144839';

  override up(): void | Promise<void> {
    this.addSql(`alter table "app_user" add "sessions_revoked_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "app_user" drop column "sessions_revoked_at";`);
  }
}
