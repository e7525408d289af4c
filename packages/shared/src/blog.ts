import { z } from 'zod';
import { IdSchema, IsoDateSchema, SlugSchema, TextSchema, pageOf } from './common';
import { PostDtoSchema, PostFieldsSchema } from './post';

const BlogSlugSchema = SlugSchema.min(2);

export const CreateBlogInputSchema = z.object({
  name: TextSchema.trim().min(1).max(80),
  slug: BlogSlugSchema,
  description: TextSchema.trim().max(500).optional(),
  posts: z.array(PostFieldsSchema).max(50).optional(),
});
export type CreateBlogInput = z.infer<typeof CreateBlogInputSchema>;
export const UpdateBlogInputSchema = z.object({
  id: IdSchema,
  name: TextSchema.trim().min(1).max(80).optional(),
  slug: BlogSlugSchema.optional(),
  description: TextSchema.trim().max(500).nullable().optional(),
});
export type UpdateBlogInput = z.infer<typeof UpdateBlogInputSchema>;

/** Exactly one of id and slug. */
export const GetBlogInputSchema = z.union([
  z.object({ id: IdSchema, slug: z.undefined().optional(), includePosts: z.boolean().optional() }),
  z.object({ slug: BlogSlugSchema, id: z.undefined().optional(), includePosts: z.boolean().optional() }),
]);
export type GetBlogInput = z.infer<typeof GetBlogInputSchema>;

export const BlogDtoSchema = z.object({
  id: IdSchema,
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  postCount: z.number().int(),
  createdAt: IsoDateSchema,
  posts: z.array(PostDtoSchema).optional(),
});
export type BlogDto = z.infer<typeof BlogDtoSchema>;
export const BlogPageSchema = pageOf(BlogDtoSchema);

/** Follow a news channel (its new posts come as notifications) or stop; asking twice changes nothing. */
export const FollowBlogInputSchema = z.object({ id: IdSchema, isFollowing: z.boolean() });
/** The channels the caller follows. */
export const FollowedBlogsSchema = z.object({ ids: z.array(IdSchema) });
