import { Migration } from '@mikro-orm/migrations';

export class Migration20261122003341 extends Migration {
  override name = 'Migration20261122003341';

  override up(): void | Promise<void> {
    this.addSql(`create type "review_status" as enum ('visible', 'hidden');`);
    this.addSql(`create type "post_status" as enum ('draft', 'published');`);
    this.addSql(
      `create table "blog" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(80) not null, "slug" varchar(60) not null, "description" varchar(500) null, primary key ("id"));`,
    );
    this.addSql(`alter table "blog" add constraint "blog_slug_unique" unique ("slug");`);

    this.addSql(
      `create table "review" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "product_id" uuid not null, "user_id" uuid not null, "rating" int not null, "comment" varchar(1000) null, "status" "review_status" not null default 'visible', primary key ("id"));`,
    );
    this.addSql(`create index "review_user_id_index" on "review" ("user_id");`);
    this.addSql(`create index "review_product_id_status_id_index" on "review" ("product_id", "status", "id");`);
    this.addSql(`alter table "review" add constraint "review_product_id_user_id_unique" unique ("product_id", "user_id");`);

    this.addSql(
      `create table "post" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "blog_id" uuid not null, "title" varchar(200) null, "content" text not null, "html" text not null, "view_count" int not null default 0, "author_id" uuid null, "status" "post_status" not null default 'draft', "published_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "post_author_id_index" on "post" ("author_id");`);
    this.addSql(`create index "post_blog_id_status_id_index" on "post" ("blog_id", "status", "id");`);
    this.addSql(`create index "post_status_id_index" on "post" ("status", "id");`);

    this.addSql(
      `alter table "review" add constraint "review_product_id_foreign" foreign key ("product_id") references "product" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "review" add constraint "review_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "review" add constraint "review_rating_check" check (rating >= 1 and rating <= 5);`);

    this.addSql(
      `alter table "post" add constraint "post_blog_id_foreign" foreign key ("blog_id") references "blog" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "post" add constraint "post_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on delete set null;`,
    );
    this.addSql(`alter table "post" add constraint "post_view_count_check" check (view_count >= 0);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "post" drop constraint "post_blog_id_foreign";`);

    this.addSql(`drop table if exists "blog" cascade;`);
    this.addSql(`drop table if exists "review" cascade;`);
    this.addSql(`drop table if exists "post" cascade;`);

    this.addSql(`drop type "review_status";`);
    this.addSql(`drop type "post_status";`);
  }
}
