import { Blog, BlogFollow, Post, User } from '@canteen/db';
import type { CreateBlogInput, GetBlogInput, PageInput, PostDto } from '@canteen/shared';
import type { UpdateBlogInput } from '@canteen/shared';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CursorKeys } from '@canteen/shared';
import { AppError } from '../../errors';
import { requireRole } from '../../lib/access';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import type { ContextInner } from '../../trpc/context';
import { newPost, seesDrafts, toPostDto } from '../post/post.service';

type Ctx = Pick<ContextInner, 'em' | 'user'>;

const postCounts = async (em: EntityManager, blogIds: string[], withDrafts: boolean): Promise<Map<string, number>> => {
  if (blogIds.length === 0) return new Map();
  const counts = await em.countBy(Post, 'blog', {
    where: { blog: { $in: blogIds }, ...(withDrafts ? {} : { status: 'published' as const }) },
  });
  return new Map(Object.entries(counts));
};

const toBlogDto = (blog: Blog, postCount: number, posts?: PostDto[]) => ({
  id: blog.id,
  name: blog.name,
  slug: blog.slug,
  description: blog.description ?? null,
  postCount,
  createdAt: blog.createdAt.toISOString(),
  ...(posts ? { posts } : {}),
});

const assertSlugFree = async (em: EntityManager, slug: string, exceptId?: string) => {
  if (await em.count(Blog, { slug, ...(exceptId ? { id: { $ne: exceptId } } : {}) })) {
    throw new AppError('CONFLICT', 'A channel with that address already exists', { reason: 'SLUG_TAKEN' });
  }
};

/** The blog and its first posts in one transaction: a duplicate slug or one invalid post writes nothing. */
export const createBlog = async (ctx: Ctx, input: CreateBlogInput) => {
  const author = requireRole(ctx.user, 'manager');
  return ctx.em.transactional(async (em) => {
    await assertSlugFree(em, input.slug);
    const blog = em.create(Blog, { name: input.name, slug: input.slug, description: input.description ?? null });
    const posts = (input.posts ?? []).map((fields) => newPost(em, { blog, author, ...fields }));
    await em.flush();
    return toBlogDto(blog, posts.length, posts.map(toPostDto));
  });
};

export const getBlog = async (ctx: Ctx, input: GetBlogInput) => {
  const user = requireRole(ctx.user, 'user');
  const blog = await ctx.em.findOneOrFail(Blog, input.id ? { id: input.id } : { slug: input.slug! });
  const withDrafts = seesDrafts(user);
  const count = (await postCounts(ctx.em, [blog.id], withDrafts)).get(blog.id) ?? 0;
  if (!input.includePosts) return toBlogDto(blog, count);
  const posts = await ctx.em.find(
    Post,
    { blog, ...(withDrafts ? {} : { status: 'published' as const }) },
    { orderBy: { id: 'desc' }, limit: 100, populate: ['author'] },
  );
  return toBlogDto(blog, count, posts.map(toPostDto));
};

export const listBlogs = async (ctx: Ctx, input: PageInput) => {
  const user = requireRole(ctx.user, 'user');
  const cursor = decodeCursor(input.cursor, CursorKeys.nameId);
  const blogs = await ctx.em.find(
    Blog,
    cursor ? { $or: [{ name: { $gt: cursor[0] } }, { name: cursor[0], id: { $gt: cursor[1] } }] } : {},
    { orderBy: { name: 'asc', id: 'asc' }, limit: input.limit + 1 },
  );
  const page = blogs.slice(0, input.limit);
  const counts = await postCounts(
    ctx.em,
    page.map((b) => b.id),
    seesDrafts(user),
  );
  const last = page.at(-1);
  return {
    items: page.map((blog) => toBlogDto(blog, counts.get(blog.id) ?? 0)),
    nextCursor: blogs.length > input.limit && last ? encodeCursor([last.name, last.id]) : null,
  };
};

export const updateBlog = async (ctx: Ctx, input: UpdateBlogInput) => {
  requireRole(ctx.user, 'manager');
  const blog = await ctx.em.findOneOrFail(Blog, input.id);
  if (input.slug && input.slug !== blog.slug) await assertSlugFree(ctx.em, input.slug, blog.id);
  const { id: _id, ...fields } = input;
  ctx.em.assign(blog, fields, { ignoreUndefined: true });
  await ctx.em.flush();
  return toBlogDto(blog, (await postCounts(ctx.em, [blog.id], true)).get(blog.id) ?? 0);
};

/** Deleting a channel deletes its posts (ON DELETE CASCADE); each post is audited through the unit of work. */
export const deleteBlog = async (ctx: Ctx, id: string) => {
  requireRole(ctx.user, 'manager');
  const blog = await ctx.em.findOneOrFail(Blog, id);
  await ctx.em.transactional(async (em) => {
    const posts = await em.find(Post, { blog: blog.id });
    for (const post of posts) em.remove(post);
    em.remove(em.getReference(Blog, blog.id));
    await em.flush();
  });
  return { ok: true as const };
};

/** The news channels the caller follows. */
export const followedBlogs = async (ctx: Ctx): Promise<{ ids: string[] }> => {
  const user = requireRole(ctx.user, 'user');
  const follows = await ctx.em.find(BlogFollow, { user: user.id }, { orderBy: { createdAt: 'asc' } });
  return { ids: follows.map((follow) => follow.blog.id) };
};

/** Follows a channel (its new posts come as notifications) or stops; asking twice changes nothing. */
export const followBlog = async (ctx: Ctx, input: { id: string; isFollowing: boolean }): Promise<{ ids: string[] }> => {
  const user = requireRole(ctx.user, 'user');
  const blog = await ctx.em.findOneOrFail(Blog, input.id);
  const follow = await ctx.em.findOne(BlogFollow, { user: user.id, blog: blog.id });
  if (input.isFollowing && !follow) ctx.em.create(BlogFollow, { user: ctx.em.getReference(User, user.id), blog });
  if (!input.isFollowing && follow) ctx.em.remove(follow);
  await ctx.em.flush();
  return followedBlogs(ctx);
};
