import type { TRPCRouterRecord } from '@trpc/server';
import {
  BlogDtoSchema,
  BlogPageSchema,
  ByIdInputSchema,
  CreateBlogInputSchema,
  FollowBlogInputSchema,
  FollowedBlogsSchema,
  GetBlogInputSchema,
  OkSchema,
  PageInputSchema,
  UpdateBlogInputSchema,
} from '@canteen/shared';
import { managerProcedure, protectedProcedure } from '../../trpc/init';
import * as blogs from './blog.service';

export const blogRouter = {
  create: managerProcedure
    .input(CreateBlogInputSchema)
    .output(BlogDtoSchema)
    .mutation(({ ctx, input }) => blogs.createBlog(ctx, input)),
  get: protectedProcedure
    .input(GetBlogInputSchema)
    .output(BlogDtoSchema)
    .query(({ ctx, input }) => blogs.getBlog(ctx, input)),
  list: protectedProcedure
    .input(PageInputSchema)
    .output(BlogPageSchema)
    .query(({ ctx, input }) => blogs.listBlogs(ctx, input)),
  /** The channels the caller follows (their new posts come as notifications). */
  following: protectedProcedure.output(FollowedBlogsSchema).query(({ ctx }) => blogs.followedBlogs(ctx)),
  follow: protectedProcedure
    .input(FollowBlogInputSchema)
    .output(FollowedBlogsSchema)
    .mutation(({ ctx, input }) => blogs.followBlog(ctx, input)),
  update: managerProcedure
    .input(UpdateBlogInputSchema)
    .output(BlogDtoSchema)
    .mutation(({ ctx, input }) => blogs.updateBlog(ctx, input)),
  delete: managerProcedure
    .input(ByIdInputSchema)
    .output(OkSchema)
    .mutation(({ ctx, input }) => blogs.deleteBlog(ctx, input.id)),
} satisfies TRPCRouterRecord;
