import { defineEntity, p } from '@mikro-orm/core';
import { POST_STATUSES } from '@canteen/shared';
import { baseProperties } from '../common/base';
import { User } from '../user/user.entity';

export const BlogSchema = defineEntity({
  name: 'Blog',
  properties: {
    ...baseProperties,
    name: p.string().length(80),
    slug: p.string().length(60).unique(),
    description: p.string().length(500).nullable(),
    posts: () => p.oneToMany(Post).mappedBy('blog'),
  },
});

export class Blog extends BlogSchema.class {}
BlogSchema.setClass(Blog);

export const PostSchema = defineEntity({
  name: 'Post',
  properties: {
    ...baseProperties,
    /** Deleting a blog deletes its posts. */
    blog: () => p.manyToOne(Blog).ref().deleteRule('cascade'),
    title: p.string().length(200).nullable(),
    content: p.text(),
    /** Rendered and sanitised when the content is written, never when it is read. */
    html: p.text(),
    viewCount: p.integer().default(0).check('view_count >= 0'),
    author: () => p.manyToOne(User).ref().nullable().deleteRule('set null').index(),
    status: p.enum(POST_STATUSES).nativeEnumName('post_status').default('draft'),
    publishedAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['blog', 'status', 'id'] }, { properties: ['status', 'id'] }],
});

export class Post extends PostSchema.class {}
PostSchema.setClass(Post);
