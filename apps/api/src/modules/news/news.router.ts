import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  BlogDtoSchema,
  BlogPageSchema,
  ByIdInputSchema,
  CreateBlogInputSchema,
  CreatePostInputSchema,
  GetBlogInputSchema,
  PageInputSchema,
  PostDtoSchema,
  PostListInputSchema,
  PostPageSchema,
  PostViewResultSchema,
  PreviewInputSchema,
  UpdateBlogInputSchema,
  UpdatePostInputSchema,
} from '@canteen/shared';
import { managerProcedure, protectedProcedure } from '../../trpc/init';
import * as news from './news.service';

const OkSchema = z.object({ ok: z.literal(true) });

export const blogRouter = {
  create: managerProcedure
    .input(CreateBlogInputSchema)
    .output(BlogDtoSchema)
    .mutation(({ ctx, input }) => news.createBlog(ctx, input)),
  get: protectedProcedure
    .input(GetBlogInputSchema)
    .output(BlogDtoSchema)
    .query(({ ctx, input }) => news.getBlog(ctx, input)),
  list: protectedProcedure
    .input(PageInputSchema)
    .output(BlogPageSchema)
    .query(({ ctx, input }) => news.listBlogs(ctx, input)),
  update: managerProcedure
    .input(UpdateBlogInputSchema)
    .output(BlogDtoSchema)
    .mutation(({ ctx, input }) => news.updateBlog(ctx, input)),
  delete: managerProcedure
    .input(ByIdInputSchema)
    .output(OkSchema)
    .mutation(({ ctx, input }) => news.deleteBlog(ctx, input.id)),
} satisfies TRPCRouterRecord;

export const postRouter = {
  create: managerProcedure
    .input(CreatePostInputSchema)
    .output(PostDtoSchema)
    .mutation(({ ctx, input }) => news.createPost(ctx, input)),
  get: protectedProcedure
    .input(ByIdInputSchema)
    .output(PostDtoSchema)
    .query(({ ctx, input }) => news.getPost(ctx, input.id)),
  /** A reader's visit, sent once per visit by the post page: reads never count. */
  view: protectedProcedure
    .input(ByIdInputSchema)
    .output(PostViewResultSchema)
    .mutation(({ ctx, input }) => news.viewPost(ctx, input.id)),
  list: protectedProcedure
    .input(PostListInputSchema)
    .output(PostPageSchema)
    .query(({ ctx, input }) => news.listPosts(ctx, input)),
  update: managerProcedure
    .input(UpdatePostInputSchema)
    .output(PostDtoSchema)
    .mutation(({ ctx, input }) => news.updatePost(ctx, input)),
  delete: managerProcedure
    .input(ByIdInputSchema)
    .output(OkSchema)
    .mutation(({ ctx, input }) => news.deletePost(ctx, input.id)),
  preview: managerProcedure
    .input(PreviewInputSchema)
    .output(z.object({ html: z.string() }))
    .query(({ ctx, input }) => news.previewMarkdown(ctx, input.content)),
} satisfies TRPCRouterRecord;
