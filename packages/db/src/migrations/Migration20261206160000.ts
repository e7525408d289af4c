import { Migration } from '@mikro-orm/migrations';

/** Following news channels (issue 14): a new post comes to the followers as a `news_post` notification. */
export class Migration20261206160000 extends Migration {
  override name = 'Migration20261206160000';

  override up(): void | Promise<void> {
    this.addSql(`alter type "notification_kind" add value if not exists 'news_post';`);
    this.addSql(`create table "blog_follow" ("user_id" uuid not null, "blog_id" uuid not null, "created_at" timestamptz not null,
      primary key ("user_id", "blog_id"));`);
    this.addSql(`create index "blog_follow_blog_id_index" on "blog_follow" ("blog_id");`);
    this.addSql(
      `alter table "blog_follow" add constraint "blog_follow_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "blog_follow" add constraint "blog_follow_blog_id_foreign" foreign key ("blog_id") references "blog" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "blog_follow";`);
    // PostgreSQL cannot drop an enum value: news_post notifications go, the value stays unused.
    this.addSql(`delete from "notification" where "kind" = 'news_post';`);
  }
}
