import { describe, expect, it } from 'vitest';
import { AuditEntry, Blog, Post } from '@canteen/db';
import { createTestCaller, getTestOrm, makeCast, makeUser } from '../../../test/helpers';

const orm = await getTestOrm();

describe('blog.create', () => {
  it('creates a channel and its first posts in one go, rendered and sanitised', async () => {
    const { manager, employee } = await makeCast(orm);
    const blog = await (await createTestCaller({ user: manager })).blog.create({
      name: 'Daily menu',
      slug: 'Daily-Menu',
      posts: [{ title: 'Monday', content: '# Soup\nLentil <script>alert(1)</script>' }, { content: 'No title, still fine' }],
    });
    expect(blog).toMatchObject({ slug: 'daily-menu', postCount: 2 });
    expect(blog.posts?.[0]?.html).toContain('<h1>Soup</h1>');
    expect(blog.posts?.[0]?.html).not.toContain('<script');
    const bySlug = await (await createTestCaller({ user: employee })).blog.get({ slug: 'daily-menu', includePosts: true });
    expect(bySlug.id).toBe(blog.id);
    expect(bySlug.posts).toHaveLength(2);
    expect((await (await createTestCaller({ user: employee })).blog.get({ id: blog.id })).posts).toBeUndefined();
    expect(await orm.em.fork().count(AuditEntry, { action: 'blog.create' })).toBe(3);
  });

  it('writes nothing when the slug is taken or any post is invalid', async () => {
    const { manager } = await makeCast(orm);
    const caller = await createTestCaller({ user: manager });
    await caller.blog.create({ name: 'Sustainability', slug: 'green' });
    await expect(caller.blog.create({ name: 'Other', slug: 'green', posts: [{ content: 'x' }] })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { reason: 'SLUG_TAKEN' },
    });
    await expect(
      caller.blog.create({ name: 'Broken', slug: 'broken', posts: [{ content: 'fine' }, { content: '' }] }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      caller.blog.create({ name: 'Broken', slug: 'broken', posts: [{ content: 'fine' }, { content: 'x'.repeat(50_001) }] }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await orm.em.fork().count(Blog)).toBe(1);
    expect(await orm.em.fork().count(Post)).toBe(0);
    await expect(caller.blog.get({ slug: 'broken' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.blog.get({} as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('posts', () => {
  it('adds posts to an existing channel only, and deleting a channel deletes its posts', async () => {
    const { manager, employee } = await makeCast(orm);
    const caller = await createTestCaller({ user: manager });
    const blog = await caller.blog.create({ name: 'Site news', slug: 'site' });
    const post = await caller.post.create({ blogId: blog.id, title: 'Hello', content: 'World' });
    expect(post).toMatchObject({ blogId: blog.id, title: 'Hello', viewCount: 0, status: 'published' });
    await expect(caller.post.create({ blogId: '0190f5c2-0000-7000-8000-000000000000', content: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      (await createTestCaller({ user: employee })).post.create({ blogId: blog.id, content: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await caller.blog.delete({ id: blog.id });
    expect(await orm.em.fork().count(Post, { blog: blog.id })).toBe(0);
  });

  it('counts a visit, never a read, and concurrent visits lose no increment', async () => {
    const { manager, employee } = await makeCast(orm);
    const blog = await (await createTestCaller({ user: manager })).blog.create({
      name: 'Busy',
      slug: 'busy',
      posts: [{ content: 'Read me' }],
    });
    const postId = blog.posts![0]!.id;
    const reader = () => createTestCaller({ user: employee });
    expect((await (await reader()).post.get({ id: postId })).viewCount).toBe(0);
    expect((await (await reader()).post.get({ id: postId })).viewCount).toBe(0);
    const views = await Promise.all(Array.from({ length: 50 }, async () => (await reader()).post.view({ id: postId })));
    expect(new Set(views.map((view) => view.viewCount)).size).toBe(50);
    expect((await orm.em.fork().findOneOrFail(Post, postId)).viewCount).toBe(50);
    expect((await (await reader()).post.get({ id: postId })).viewCount).toBe(50);
    expect(await orm.em.fork().count(AuditEntry, { action: 'post.view', entityId: postId })).toBe(50);
  });

  it('counts no view of a draft, nor of a post by its own author', async () => {
    const { manager, department } = await makeCast(orm);
    const otherManager = await makeUser(orm, { role: 'manager', department });
    const author = await createTestCaller({ user: manager });
    const blog = await author.blog.create({
      name: 'Own',
      slug: 'own',
      posts: [{ content: 'Published' }, { content: 'Draft', status: 'draft' }],
    });
    const [published, draft] = blog.posts!;
    expect(await author.post.view({ id: published!.id })).toEqual({ viewCount: 0 });
    expect(await author.post.view({ id: draft!.id })).toEqual({ viewCount: 0 });
    expect(await (await createTestCaller({ user: otherManager })).post.view({ id: draft!.id })).toEqual({ viewCount: 0 });
    expect(await orm.em.fork().count(AuditEntry, { action: 'post.view' })).toBe(0);
  });

  it('shows drafts to managers only, and publishing stamps the time', async () => {
    const { manager, employee } = await makeCast(orm);
    const staff = await createTestCaller({ user: manager });
    const blog = await staff.blog.create({
      name: 'Drafts',
      slug: 'drafts',
      posts: [{ content: 'Secret plan', status: 'draft' }, { content: 'Public' }],
    });
    const draft = blog.posts!.find((p) => p.status === 'draft')!;
    expect(draft.publishedAt).toBeNull();
    // A fresh caller per call, as each HTTP request gets its own EntityManager.
    const eater = () => createTestCaller({ user: employee });
    expect((await (await eater()).post.list({ limit: 10, blogId: blog.id })).items.map((p) => p.content)).toEqual(['Public']);
    expect((await (await eater()).blog.get({ id: blog.id, includePosts: true })).postCount).toBe(1);
    await expect((await eater()).post.get({ id: draft.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await staff.post.list({ limit: 10, blogId: blog.id, status: 'draft' })).items).toHaveLength(1);
    const published = await staff.post.update({ id: draft.id, status: 'published', content: 'Now **public**' });
    expect(published.publishedAt).not.toBeNull();
    expect(published.html).toContain('<strong>public</strong>');
    expect((await (await eater()).post.get({ id: draft.id })).content).toBe('Now **public**');
  });

  it('previews markdown exactly as it will be published, writing nothing', async () => {
    const { manager } = await makeCast(orm);
    const preview = await (await createTestCaller({ user: manager })).post.preview({
      content: '*hi* <img src=x onerror=alert(1)>',
    });
    expect(preview.html).toContain('<em>hi</em>');
    expect(preview.html).not.toContain('onerror');
    expect(await orm.em.fork().count(Post)).toBe(0);
  });
});

describe('news lists', () => {
  it('page channels by name and posts newest first with cursors', async () => {
    const { manager, employee } = await makeCast(orm);
    const staff = await createTestCaller({ user: manager });
    for (const name of ['Charlie', 'Alpha', 'Bravo']) await staff.blog.create({ name, slug: name.toLowerCase() });
    const reader = await createTestCaller({ user: employee });
    const firstBlogs = await reader.blog.list({ limit: 2 });
    const moreBlogs = await reader.blog.list({ limit: 2, cursor: firstBlogs.nextCursor });
    expect([...firstBlogs.items, ...moreBlogs.items].map((b) => b.name)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    const blog = firstBlogs.items[0]!;
    const written: string[] = [];
    for (let i = 0; i < 5; i++)
      written.push((await staff.post.create({ blogId: blog.id, content: `Post ${i}`, status: 'published' })).id);
    const page1 = await reader.post.list({ limit: 3, blogId: blog.id });
    const page2 = await reader.post.list({ limit: 3, blogId: blog.id, cursor: page1.nextCursor });
    expect([...page1.items, ...page2.items].map((p) => p.id)).toEqual(written.toReversed());
    expect(page2.nextCursor).toBeNull();
  });
});
