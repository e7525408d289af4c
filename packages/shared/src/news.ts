import { z } from 'zod';
import { IdSchema, IsoDateSchema, PageInputSchema, TextSchema, pageOf } from './common';
import { MAX_REVIEW_COMMENT_LENGTH } from './constants';

export const POST_STATUSES = ['draft', 'published'] as const;
export const PostStatusSchema = z.enum(POST_STATUSES);

const SlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and dashes')
  .min(2)
  .max(60);

export const PostFieldsSchema = z.object({
  title: TextSchema.trim().min(1).max(200).optional(),
  content: TextSchema.trim().min(1, 'Write something').max(50_000),
  status: PostStatusSchema.default('published'),
});

export const CreateBlogInputSchema = z.object({
  name: TextSchema.trim().min(1).max(80),
  slug: SlugSchema,
  description: TextSchema.trim().max(500).optional(),
  posts: z.array(PostFieldsSchema).max(50).optional(),
});
export type CreateBlogInput = z.infer<typeof CreateBlogInputSchema>;
export const UpdateBlogInputSchema = z.object({
  id: IdSchema,
  name: TextSchema.trim().min(1).max(80).optional(),
  slug: SlugSchema.optional(),
  description: TextSchema.trim().max(500).nullable().optional(),
});
export type UpdateBlogInput = z.infer<typeof UpdateBlogInputSchema>;

/** Exactly one of id and slug. */
export const GetBlogInputSchema = z.union([
  z.object({ id: IdSchema, slug: z.undefined().optional(), includePosts: z.boolean().optional() }),
  z.object({ slug: SlugSchema, id: z.undefined().optional(), includePosts: z.boolean().optional() }),
]);
export type GetBlogInput = z.infer<typeof GetBlogInputSchema>;

export const PostDtoSchema = z.object({
  id: IdSchema,
  blogId: IdSchema,
  title: z.string().nullable(),
  content: z.string(),
  /** Rendered from markdown on the server and sanitised with an allowlist. */
  html: z.string(),
  viewCount: z.number().int(),
  status: PostStatusSchema,
  authorName: z.string().nullable(),
  publishedAt: IsoDateSchema.nullable(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type PostDto = z.infer<typeof PostDtoSchema>;
export const PostPageSchema = pageOf(PostDtoSchema);
/** What a reader's visit leaves: the post's view count, this visit included when it counted. */
export const PostViewResultSchema = z.object({ viewCount: z.number().int() });
export type PostViewResult = z.infer<typeof PostViewResultSchema>;

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

export const CreatePostInputSchema = PostFieldsSchema.extend({ blogId: IdSchema });
export type CreatePostInput = z.infer<typeof CreatePostInputSchema>;
export const UpdatePostInputSchema = z.object({
  id: IdSchema,
  title: TextSchema.trim().min(1).max(200).nullable().optional(),
  content: TextSchema.trim().min(1).max(50_000).optional(),
  status: PostStatusSchema.optional(),
});
export type UpdatePostInput = z.infer<typeof UpdatePostInputSchema>;
export const PostListInputSchema = PageInputSchema.extend({ blogId: IdSchema.optional(), status: PostStatusSchema.optional() });
export type PostListInput = z.infer<typeof PostListInputSchema>;
export const PreviewInputSchema = z.object({ content: TextSchema.max(50_000) });

export const REVIEW_STATUSES = ['visible', 'hidden'] as const;
export const ReviewStatusSchema = z.enum(REVIEW_STATUSES);
export const CreateReviewInputSchema = z.object({
  productId: IdSchema,
  rating: z.number().int().min(1).max(5),
  comment: TextSchema.trim().max(MAX_REVIEW_COMMENT_LENGTH).optional(),
});
export type CreateReviewInput = z.infer<typeof CreateReviewInputSchema>;
export const UpdateReviewInputSchema = z.object({
  id: IdSchema,
  rating: z.number().int().min(1).max(5).optional(),
  comment: TextSchema.trim().max(MAX_REVIEW_COMMENT_LENGTH).nullable().optional(),
});
export type UpdateReviewInput = z.infer<typeof UpdateReviewInputSchema>;
export const ReviewDtoSchema = z.object({
  id: IdSchema,
  productId: IdSchema,
  userId: IdSchema,
  userName: z.string(),
  rating: z.number().int(),
  comment: z.string().nullable(),
  status: ReviewStatusSchema,
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type ReviewDto = z.infer<typeof ReviewDtoSchema>;
export const ReviewPageSchema = pageOf(ReviewDtoSchema);
export const ReviewListInputSchema = PageInputSchema.extend({
  productId: IdSchema.optional(),
  status: ReviewStatusSchema.optional(),
});
export type ReviewListInput = z.infer<typeof ReviewListInputSchema>;
