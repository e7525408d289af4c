import { z } from 'zod';
import { IdSchema, IsoDateSchema, PageInputSchema, TextSchema, pageOf } from './common';

export const POST_STATUSES = ['draft', 'published'] as const;
export const PostStatusSchema = z.enum(POST_STATUSES);

export const PostFieldsSchema = z.object({
  title: TextSchema.trim().min(1).max(200).optional(),
  content: TextSchema.trim().min(1, 'Write something').max(50_000),
  status: PostStatusSchema.default('published'),
});

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
