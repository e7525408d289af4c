import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  ByIdInputSchema,
  CreateReviewInputSchema,
  IdSchema,
  ReviewDtoSchema,
  ReviewListInputSchema,
  ReviewPageSchema,
  ReviewStatusSchema,
  UpdateReviewInputSchema,
  OkSchema,
} from '@canteen/shared';
import { managerProcedure, protectedProcedure } from '../../trpc/init';
import * as reviews from './review.service';

export const reviewRouter = {
  create: protectedProcedure
    .input(CreateReviewInputSchema)
    .output(ReviewDtoSchema)
    .mutation(({ ctx, input }) => reviews.createReview(ctx, input)),
  update: protectedProcedure
    .input(UpdateReviewInputSchema)
    .output(ReviewDtoSchema)
    .mutation(({ ctx, input }) => reviews.updateReview(ctx, input)),
  delete: protectedProcedure
    .input(ByIdInputSchema)
    .output(OkSchema)
    .mutation(({ ctx, input }) => reviews.deleteReview(ctx, input.id)),
  list: protectedProcedure
    .input(ReviewListInputSchema)
    .output(ReviewPageSchema)
    .query(({ ctx, input }) => reviews.listReviews(ctx, input)),
  setStatus: managerProcedure
    .input(z.object({ id: IdSchema, status: ReviewStatusSchema }))
    .output(ReviewDtoSchema)
    .mutation(({ ctx, input }) => reviews.setReviewStatus(ctx, input)),
} satisfies TRPCRouterRecord;
