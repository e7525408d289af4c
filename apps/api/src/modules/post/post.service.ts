import { Blog, BlogFollow, Post, User } from '@canteen/db';
import type { CreatePostInput, PostDto, PostListInput, PostViewResult, UpdatePostInput } from '@canteen/shared';
import { type EntityManager, raw } from '@mikro-orm/postgresql';
import { CursorKeys } from '@canteen/shared';
import { AppError } from '../../errors';
import { canAccess, requireRole } from '../../lib/access';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { renderMarkdown } from '../../lib/markdown';
import type { ContextInner } from '../../trpc/context';
import { recordAuditEvent } from '../audit/audit.service';

type Ctx = Pick<ContextInner, 'em' | 'user' | 'deps'>;

/** Drafts are for the people who write: managers and admins. */
export const seesDrafts = (user: User): boolean => canAccess(user.role, 'manager');

export const toPostDto = (post: Post): PostDto => ({
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

type NewPost = { blog: Blog; author: User; title?: string | undefined; content: string; status: 'draft' | 'published' };

export const newPost = (em: EntityManager, { blog, author, ...fields }: NewPost) =>
  em.create(Post, {
    blog,
    title: fields.title ?? null,
    content: fields.content,
    html: renderMarkdown(fields.content),
    status: fields.status,
    publishedAt: fields.status === 'published' ? new Date() : null,
    author: em.getReference(User, author.id),
  });

/**
 * A post just published tells the channel's followers (not its author), in the transaction that publishes it
 * (docs/PRODUCT.md §4b).
 */
const tellFollowers = async (ctx: Ctx, em: EntityManager, { post, blog }: { post: Post; blog: Blog }): Promise<void> => {
  const followers = await em.find(BlogFollow, {
    blog: blog.id,
    user: { isActive: true, ...(post.author ? { id: { $ne: post.author.id } } : {}) },
  });
  await ctx.deps.notifier.notify(
    em,
    followers.map((follow) => ({
      userId: follow.user.id,
      kind: 'news_post' as const,
      payload: { postId: post.id, blogName: blog.name, postTitle: post.title ?? null },
    })),
  );
};

export const createPost = async (ctx: Ctx, input: CreatePostInput) => {
  const author = requireRole(ctx.user, 'manager');
  const post = await ctx.em.transactional(async (em) => {
    const blog = await em.findOneOrFail(Blog, input.blogId);
    const created = newPost(em, { blog, author, ...input });
    await em.flush();
    if (created.status === 'published') await tellFollowers(ctx, em, { post: created, blog });
    return created;
  });
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
  const { id: _id, status: _status, ...fields } = input;
  ctx.em.assign(
    post,
    { ...fields, html: input.content === undefined ? undefined : renderMarkdown(input.content) },
    { ignoreUndefined: true },
  );
  const isPublishing = input.status === 'published' && post.status !== 'published';
  if (input.status !== undefined && input.status !== post.status) {
    post.status = input.status;
    post.publishedAt = input.status === 'published' ? new Date() : null;
  }
  await ctx.em.transactional(async (em) => {
    await em.flush();
    if (isPublishing) await tellFollowers(ctx, em, { post, blog: await em.findOneOrFail(Blog, post.blog.id) });
  });
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
