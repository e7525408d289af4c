import { Migration } from '@mikro-orm/migrations';

/**
 * Dish options and kitchen notes (issue 15): a dish's option groups, and on each order line the options chosen
 * (named and priced as they were), the line's allergens (the dish's and its options') and the eater's note. Lines
 * of history take their dish's allergens as they are now: the best snapshot there is.
 */
export class Migration20261206180000 extends Migration {
  override name = 'Migration20261206180000';

  override up(): void | Promise<void> {
    this.addSql(`alter table "product" add "option_groups" jsonb not null default '[]';`);
    this.addSql(
      `alter table "order_line" add "options" jsonb not null default '[]', add "allergens" text[] not null default '{}', add "note" varchar(140) null;`,
    );
    this.addSql(`update "order_line" l set "allergens" = p."allergens" from "product" p where p."id" = l."product_id";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "order_line" drop column "options", drop column "allergens", drop column "note";`);
    this.addSql(`alter table "product" drop column "option_groups";`);
  }
}
