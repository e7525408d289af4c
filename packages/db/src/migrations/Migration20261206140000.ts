import { Migration } from '@mikro-orm/migrations';

/** The counter's end of day (issue 14): an order still open when the day ends is flagged for a manager. */
export class Migration20261206140000 extends Migration {
  override name = 'Migration20261206140000';

  override up(): void | Promise<void> {
    this.addSql(`alter table "canteen_order" add column "uncollected_at" timestamptz null;`);
    this.addSql(
      `create index "canteen_order_uncollected_index" on "canteen_order" ("uncollected_at") where "uncollected_at" is not null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "canteen_order_uncollected_index";`);
    this.addSql(`alter table "canteen_order" drop column "uncollected_at";`);
  }
}
