import { Migration } from '@mikro-orm/migrations';

/**
 * Search that finds things (docs/adr/0012-search.md): accent-insensitive, inside words and typo-tolerant.
 * `canteen_fold` is the one folding rule (lower case, accents off: "Käsespätzle" -> "kasespatzle"); it is declared
 * immutable so a generated column and an index can use it, which holds because the unaccent dictionary is named
 * explicitly. Trigram indexes serve both `like '%word%'` and the word-similarity operator `<%`.
 */
export class Migration20261206040000 extends Migration {
  override name = 'Migration20261206040000';

  override up(): void | Promise<void> {
    this.addSql(`create extension if not exists unaccent;`);
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create or replace function canteen_fold(value text) returns text
      language sql immutable strict parallel safe
      return lower(unaccent('unaccent'::regdictionary, value));`);
    this.addSql(`drop index if exists "product_search_vector_index";`);
    this.addSql(`alter table "product" drop column "search_vector";`);
    this.addSql(
      `alter table "product" add column "search_text" text generated always as (canteen_fold(((name)::text || ' ') || description)) stored null;`,
    );
    this.addSql(`create index "product_search_text_trgm" on "product" using gin ("search_text" gin_trgm_ops);`);
    this.addSql(`create index "app_user_name_folded_trgm" on "app_user" using gin (canteen_fold((name)::text) gin_trgm_ops);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "app_user_name_folded_trgm";`);
    this.addSql(`drop index if exists "product_search_text_trgm";`);
    this.addSql(`alter table "product" drop column "search_text";`);
    this.addSql(
      `alter table "product" add column "search_vector" tsvector generated always as (setweight(to_tsvector('simple', coalesce(name, '')), 'A') || setweight(to_tsvector('simple', coalesce(description, '')), 'B')) stored null;`,
    );
    this.addSql(`create index "product_search_vector_index" on "product" using gin ("search_vector");`);
    this.addSql(`drop function if exists canteen_fold(text);`);
  }
}
