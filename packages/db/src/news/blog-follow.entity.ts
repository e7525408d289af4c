import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../user/user.entity';
import { Blog } from './blog.entity';

/** A person following a news channel: its new posts come to them as notifications. */
export const BlogFollowSchema = defineEntity({
  name: 'BlogFollow',
  tableName: 'blog_follow',
  properties: {
    user: () => p.manyToOne(User).ref().primary().deleteRule('cascade'),
    blog: () => p.manyToOne(Blog).ref().primary().deleteRule('cascade').index(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class BlogFollow extends BlogFollowSchema.class {}
BlogFollowSchema.setClass(BlogFollow);
