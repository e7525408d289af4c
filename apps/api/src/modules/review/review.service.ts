import { Product, Review, adjustRating, hasBought } from '@canteen/db';
import type { CreateReviewInput, ReviewDto, ReviewListInput, UpdateReviewInput } from '@canteen/shared';
import { CursorKeys } from '@canteen/shared';
import { AppError } from '../../errors';
import { canAccess, requireRole } from '../../lib/access';
import { readConnection } from '../../lib/replica';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { assertClean } from '../../lib/profanity';
import type { ContextInner } from '../../trpc/context';

type Ctx = Pick<ContextInner, 'em' | 'user' | 'deps' | 'readFrom'>;

const toReviewDto = (review: Review): ReviewDto => ({
  id: review.id,
  productId: review.product.id,
  userId: review.user.id,
  userName: review.user.isInitialized() ? review.user.getEntity().name : '',
  rating: review.rating,
  comment: review.comment ?? null,
  status: review.status,
  createdAt: review.createdAt.toISOString(),
  updatedAt: review.updatedAt.toISOString(),
});

/** Only people who bought the dish (and did not get that order refunded) may review it, once. */
export const createReview = async (ctx: Ctx, input: CreateReviewInput): Promise<ReviewDto> => {
  const author = requireRole(ctx.user, 'user');
  assertClean(input.comment);
  const product = await ctx.em.findOneOrFail(Product, input.productId);
  if (!(await hasBought(ctx.em, author.id, product.id))) {
    throw new AppError('FORBIDDEN', 'You can review a dish once you have bought it', { reason: 'NOT_PURCHASED' });
  }
  if (await ctx.em.count(Review, { product, user: author.id })) {
    throw new AppError('CONFLICT', 'You have already reviewed this dish; edit your review instead', {
      reason: 'ALREADY_REVIEWED',
    });
  }
  const review = await ctx.em.transactional(async (em) => {
    const created = em.create(Review, {
      product: product.id,
      user: author.id,
      rating: input.rating,
      comment: input.comment || null,
    });
    await em.flush();
    await adjustRating(em, product.id, { count: 1, sum: input.rating });
    return created;
  });
  await ctx.deps.menuCache.invalidate();
  await ctx.em.populate(review, ['user']);
  return toReviewDto(review);
};

const loadReview = (ctx: Ctx, id: string): Promise<Review> => ctx.em.findOneOrFail(Review, id, { populate: ['user'] });

const loadOwnReview = async (ctx: Ctx, id: string): Promise<Review> => {
  const author = requireRole(ctx.user, 'user');
  const review = await loadReview(ctx, id);
  if (review.user.id !== author.id) throw new AppError('NOT_FOUND', 'No such review', { reason: 'NOT_FOUND' });
  return review;
};

export const updateReview = async (ctx: Ctx, input: UpdateReviewInput): Promise<ReviewDto> => {
  const review = await loadOwnReview(ctx, input.id);
  if (input.comment) assertClean(input.comment);
  const delta = input.rating !== undefined ? input.rating - review.rating : 0;
  await ctx.em.transactional(async (em) => {
    const managed = em.merge(review);
    if (input.rating !== undefined) managed.rating = input.rating;
    if (input.comment !== undefined) managed.comment = input.comment || null;
    await em.flush();
    if (delta !== 0 && managed.status === 'visible') await adjustRating(em, managed.product.id, { count: 0, sum: delta });
  });
  await ctx.deps.menuCache.invalidate();
  return toReviewDto(review);
};

export const deleteReview = async (ctx: Ctx, id: string) => {
  const review = await loadOwnReview(ctx, id);
  await ctx.em.transactional(async (em) => {
    em.remove(em.merge(review));
    await em.flush();
    if (review.status === 'visible') await adjustRating(em, review.product.id, { count: -1, sum: -review.rating });
  });
  await ctx.deps.menuCache.invalidate();
  return { ok: true as const };
};

/** Managers hide and unhide reviews; hidden ones leave the list and the average for everyone but staff. */
export const setReviewStatus = async (ctx: Ctx, input: { id: string; status: 'visible' | 'hidden' }): Promise<ReviewDto> => {
  requireRole(ctx.user, 'manager');
  const review = await loadReview(ctx, input.id);
  if (review.status !== input.status) {
    await ctx.em.transactional(async (em) => {
      const managed = em.merge(review);
      managed.status = input.status;
      await em.flush();
      const sign = input.status === 'visible' ? 1 : -1;
      await adjustRating(em, managed.product.id, { count: sign, sum: sign * managed.rating });
    });
    await ctx.deps.menuCache.invalidate();
  }
  return toReviewDto(review);
};

const ReviewCursorSchema = CursorKeys.id;

/** Newest first. Employees see visible reviews (and their own); staff may filter by status for moderation. */
export const listReviews = async (ctx: Ctx, input: ReviewListInput) => {
  const user = requireRole(ctx.user, 'user');
  const isStaff = canAccess(user.role, 'manager');
  if (!input.productId && !isStaff) throw new AppError('BAD_REQUEST', 'Choose a dish', { reason: 'INVALID_INPUT' });
  const cursor = decodeCursor(input.cursor, ReviewCursorSchema);
  const reviews = await ctx.em.find(
    Review,
    {
      ...(input.productId ? { product: input.productId } : {}),
      ...(isStaff
        ? input.status
          ? { status: input.status }
          : {}
        : { $or: [{ status: 'visible' as const }, { user: user.id }] }),
      ...(cursor ? { id: { $lt: cursor[0] } } : {}),
    },
    { orderBy: { id: 'desc' }, limit: input.limit + 1, populate: ['user'], connectionType: readConnection(ctx) },
  );
  const page = reviews.slice(0, input.limit);
  const last = page.at(-1);
  return { items: page.map(toReviewDto), nextCursor: reviews.length > input.limit && last ? encodeCursor([last.id]) : null };
};
