import { Blog, Post, User } from '@canteen/db';
import type {
  CreateBlogInput,
  CreatePostInput,
  GetBlogInput,
  PageInput,
  PostDto,
  PostListInput,
  PostViewResult,
  UpdateBlogInput,
  UpdatePostInput,
} from '@canteen/shared';

import { type EntityManager, raw } from '@mikro-orm/postgresql';
import { CursorKeys } from '@canteen/shared';
import { AppError } from '../../errors';
import { canAccess, requireRole } from '../../lib/access';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { renderMarkdown } from '../../lib/markdown';
import type { ContextInner } from '../../trpc/context';
import { recordAuditEvent } from '../audit/audit.service';

type Ctx = Pick<ContextInner, 'em' | 'user'>;

/** Drafts are for the people who write: managers and admins. */
const seesDrafts = (user: User): boolean => canAccess(user.role, 'manager');

const toPostDto = (post: Post): PostDto => ({
  id: post.id,
  blogId: post.blog.id,
  title: post.title ?? null,
  content: post.content,
  html: post.html,
  viewCount: post.viewCount,
  status: post.status,
  authorName: post.author?.isInitialized() ? post.author.getEntity().name : null,
  publishedAt: post.publishedAt?.toISOString() ?? null,
  createdAt: post.createdAt.toISOString(),
  updatedAt: post.updatedAt.toISOString(),
});

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

type NewPost = { blog: Blog; author: User; title?: string | undefined; content: string; status: 'draft' | 'published' };

const newPost = (em: EntityManager, { blog, author, ...fields }: NewPost) =>
  em.create(Post, {
    blog,
    title: fields.title ?? null,
    content: fields.content,
    html: renderMarkdown(fields.content),
    status: fields.status,
    publishedAt: fields.status === 'published' ? new Date() : null,
    author: em.getReference(User, author.id),
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

const findBlog = async (ctx: Ctx, where: { id: string } | { slug: string }): Promise<Blog> => {
  const blog = await ctx.em.findOne(Blog, where);
  if (!blog) throw new AppError('NOT_FOUND', 'No such news channel', { reason: 'NOT_FOUND' });
  return blog;
};

export const getBlog = async (ctx: Ctx, input: GetBlogInput) => {
  const user = requireRole(ctx.user, 'user');
  const blog = await findBlog(ctx, input.id ? { id: input.id } : { slug: input.slug! });
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
  const blog = await findBlog(ctx, { id: input.id });
  if (input.slug && input.slug !== blog.slug) await assertSlugFree(ctx.em, input.slug, blog.id);
  if (input.name !== undefined) blog.name = input.name;
  if (input.slug !== undefined) blog.slug = input.slug;
  if (input.description !== undefined) blog.description = input.description;
  await ctx.em.flush();
  return toBlogDto(blog, (await postCounts(ctx.em, [blog.id], true)).get(blog.id) ?? 0);
};

/** Deleting a channel deletes its posts (ON DELETE CASCADE); each post is audited through the unit of work. */
export const deleteBlog = async (ctx: Ctx, id: string) => {
  requireRole(ctx.user, 'manager');
  const blog = await findBlog(ctx, { id });
  await ctx.em.transactional(async (em) => {
    const posts = await em.find(Post, { blog: blog.id });
    for (const post of posts) em.remove(post);
    em.remove(em.getReference(Blog, blog.id));
    await em.flush();
  });
  return { ok: true as const };
};

export const createPost = async (ctx: Ctx, input: CreatePostInput) => {
  const author = requireRole(ctx.user, 'manager');
  const blog = await findBlog(ctx, { id: input.blogId });
  const post = newPost(ctx.em, { blog, author, ...input });
  await ctx.em.flush();
  await ctx.em.populate(post, ['author']);
  return toPostDto(post);
};

const loadPost = async (ctx: Ctx, id: string): Promise<Post> => {
  const user = requireRole(ctx.user, 'user');
  const post = await ctx.em.findOne(Post, id, { populate: ['author'] });
  if (!post || (post.status === 'draft' && !seesDrafts(user)))
    throw new AppError('NOT_FOUND', 'No such post', { reason: 'NOT_FOUND' });
  return post;
};

/** Reading a post writes nothing: editors, previews and refetches never count as views. */
export const getPost = async (ctx: Ctx, id: string): Promise<PostDto> => toPostDto(await loadPost(ctx, id));

/**
 * A reader's visit: one view of a published post, counted by one atomic increment (concurrent readers lose
 * none) and audited in the same transaction. Drafts and the post's own author never count.
 */
export const viewPost = async (ctx: Ctx, id: string): Promise<PostViewResult> => {
  const reader = requireRole(ctx.user, 'user');
  const post = await loadPost(ctx, id);
  if (post.status !== 'published' || post.author?.id === reader.id) return { viewCount: post.viewCount };
  return ctx.em.transactional(async (em) => {
    await em.nativeUpdate(Post, { id: post.id }, { viewCount: raw('view_count + 1') });
    // This transaction holds the row now, so the count read back is exactly the one this view made.
    const { viewCount } = await em.findOneOrFail(Post, post.id, { refresh: true });
    await recordAuditEvent(em, { action: 'post.view', entity: 'Post', entityId: post.id, after: { viewCount } });
    return { viewCount };
  });
};

const PostCursorSchema = CursorKeys.id;

export const listPosts = async (ctx: Ctx, input: PostListInput) => {
  const user = requireRole(ctx.user, 'user');
  const cursor = decodeCursor(input.cursor, PostCursorSchema);
  const status = seesDrafts(user) ? input.status : 'published';
  const posts = await ctx.em.find(
    Post,
    {
      ...(input.blogId ? { blog: input.blogId } : {}),
      ...(status ? { status } : {}),
      ...(cursor ? { id: { $lt: cursor[0] } } : {}),
    },
    { orderBy: { id: 'desc' }, limit: input.limit + 1, populate: ['author'] },
  );
  const page = posts.slice(0, input.limit);
  const last = page.at(-1);
  return { items: page.map(toPostDto), nextCursor: posts.length > input.limit && last ? encodeCursor([last.id]) : null };
};

export const updatePost = async (ctx: Ctx, input: UpdatePostInput) => {
  requireRole(ctx.user, 'manager');
  const post = await loadPost(ctx, input.id);
  if (input.title !== undefined) post.title = input.title;
  if (input.content !== undefined) {
    post.content = input.content;
    post.html = renderMarkdown(input.content);
  }
  if (input.status !== undefined && input.status !== post.status) {
    post.status = input.status;
    post.publishedAt = input.status === 'published' ? new Date() : null;
  }
  await ctx.em.flush();
  return toPostDto(post);
};

export const deletePost = async (ctx: Ctx, id: string) => {
  requireRole(ctx.user, 'manager');
  const post = await loadPost(ctx, id);
  ctx.em.remove(post);
  await ctx.em.flush();
  return { ok: true as const };
};

/** The editor's live preview: the exact HTML a post would get. Writes nothing. */
export const previewMarkdown = (ctx: Ctx, content: string) => {
  requireRole(ctx.user, 'manager');
  return { html: renderMarkdown(content) };
};
