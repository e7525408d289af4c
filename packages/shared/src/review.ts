import { z } from 'zod';
import { IdSchema, IsoDateSchema, PageInputSchema, TextSchema, pageOf } from './common';
import { MAX_REVIEW_COMMENT_LENGTH } from './constants';

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
