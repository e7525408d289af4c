import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  ByIdInputSchema,
  CreatePostInputSchema,
  OkSchema,
  PostDtoSchema,
  PostListInputSchema,
  PostPageSchema,
  PostViewResultSchema,
  PreviewInputSchema,
  UpdatePostInputSchema,
} from '@canteen/shared';
import { managerProcedure, protectedProcedure } from '../../trpc/init';
import * as posts from './post.service';

export const postRouter = {
  create: managerProcedure
    .input(CreatePostInputSchema)
    .output(PostDtoSchema)
    .mutation(({ ctx, input }) => posts.createPost(ctx, input)),
  get: protectedProcedure
    .input(ByIdInputSchema)
    .output(PostDtoSchema)
    .query(({ ctx, input }) => posts.getPost(ctx, input.id)),
  /** A reader's visit, sent once per visit by the post page: reads never count. */
  view: protectedProcedure
    .input(ByIdInputSchema)
    .output(PostViewResultSchema)
    .mutation(({ ctx, input }) => posts.viewPost(ctx, input.id)),
  list: protectedProcedure
    .input(PostListInputSchema)
    .output(PostPageSchema)
    .query(({ ctx, input }) => posts.listPosts(ctx, input)),
  update: managerProcedure
    .input(UpdatePostInputSchema)
    .output(PostDtoSchema)
    .mutation(({ ctx, input }) => posts.updatePost(ctx, input)),
  delete: managerProcedure
    .input(ByIdInputSchema)
    .output(OkSchema)
    .mutation(({ ctx, input }) => posts.deletePost(ctx, input.id)),
  preview: managerProcedure
    .input(PreviewInputSchema)
    .output(z.object({ html: z.string() }))
    .query(({ ctx, input }) => posts.previewMarkdown(ctx, input.content)),
} satisfies TRPCRouterRecord;
