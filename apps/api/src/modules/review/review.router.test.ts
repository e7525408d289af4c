import { describe, expect, it } from 'vitest';
import { AuditEntry, Product, Review, type User } from '@canteen/db';
import { containsProfanity } from '../../lib/profanity';
import { createTestCaller, fund, getTestOrm, makeCast, makePayer, makeProduct, makeUser } from '../../../test/helpers';

const orm = await getTestOrm();

const buy = async (user: User, productId: string) => {
  await fund(orm, user, await makePayer(orm), 10_000);
  return (await createTestCaller({ user })).order.place({
    items: [{ productId, quantity: 1 }],
    idempotencyKey: `buy-${Math.random().toString(36).slice(2)}`,
  });
};
const summary = async (productId: string) => {
  const product = await orm.em.fork().findOneOrFail(Product, productId);
  return { count: product.ratingCount, average: product.ratingAverage() };
};

describe('review.create', () => {
  it('is only for people who bought the dish, once each, and updates the rating summary', async () => {
    const [eater, stranger] = [await makeUser(orm), await makeUser(orm)];
    const dish = await makeProduct(orm);
    await expect(
      (await createTestCaller({ user: eater })).review.create({ productId: dish.id, rating: 5 }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { reason: 'NOT_PURCHASED' },
    });
    await buy(eater, dish.id);
    const review = await (await createTestCaller({ user: eater })).review.create({
      productId: dish.id,
      rating: 4,
      comment: 'Lovely soup',
    });
    expect(review).toMatchObject({ rating: 4, comment: 'Lovely soup', status: 'visible', userId: eater.id });
    await expect(
      (await createTestCaller({ user: eater })).review.create({ productId: dish.id, rating: 1 }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { reason: 'ALREADY_REVIEWED' },
    });
    await expect(
      (await createTestCaller({ user: stranger })).review.create({ productId: dish.id, rating: 3 }),
    ).rejects.toMatchObject({
      cause: { reason: 'NOT_PURCHASED' },
    });
    expect(await summary(dish.id)).toEqual({ count: 1, average: 4 });
    const menu = await (await createTestCaller({ user: stranger })).product.byId({ id: dish.id });
    expect(menu).toMatchObject({ ratingAverage: 4, ratingCount: 1 });
  });

  it('rejects bad ratings, long comments and profanity (also disguised), writing nothing', async () => {
    const eater = await makeUser(orm);
    const dish = await makeProduct(orm);
    await buy(eater, dish.id);
    const caller = await createTestCaller({ user: eater });
    for (const rating of [0, 6, 3.5])
      await expect(caller.review.create({ productId: dish.id, rating })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.review.create({ productId: dish.id, rating: 3, comment: 'x'.repeat(1001) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    for (const comment of ['This is shit', 'what a f u c k i n g mess', 'sh1t food']) {
      await expect(caller.review.create({ productId: dish.id, rating: 1, comment })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        cause: { reason: 'PROFANITY' },
      });
    }
    expect(await orm.em.fork().count(Review)).toBe(0);
    expect(containsProfanity('Scunthorpe sausage roll with a classic bass')).toBe(false);
  });
});

describe('reviews after writing', () => {
  it('lets only the author edit or delete, keeping the summary right', async () => {
    const [eater, other] = [await makeUser(orm), await makeUser(orm)];
    const dish = await makeProduct(orm);
    await buy(eater, dish.id);
    const review = await (await createTestCaller({ user: eater })).review.create({ productId: dish.id, rating: 2 });
    await expect((await createTestCaller({ user: other })).review.update({ id: review.id, rating: 5 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await (await createTestCaller({ user: eater })).review.update({ id: review.id, rating: 5, comment: 'Better today' });
    expect(await summary(dish.id)).toEqual({ count: 1, average: 5 });
    await expect((await createTestCaller({ user: other })).review.delete({ id: review.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await (await createTestCaller({ user: eater })).review.delete({ id: review.id });
    expect(await summary(dish.id)).toEqual({ count: 0, average: null });
  });

  it('lets managers hide reviews: they vanish for employees and from the average, and come back', async () => {
    const { manager, employee } = await makeCast(orm);
    const dish = await makeProduct(orm);
    const [a, b] = [await makeUser(orm), await makeUser(orm)];
    for (const [user, rating] of [
      [a, 5],
      [b, 1],
    ] as const) {
      await buy(user, dish.id);
      await (await createTestCaller({ user })).review.create({ productId: dish.id, rating });
    }
    const harsh = (await orm.em.fork().findOneOrFail(Review, { user: b.id })).id;
    const staff = await createTestCaller({ user: manager });
    await staff.review.setStatus({ id: harsh, status: 'hidden' });
    expect(await summary(dish.id)).toEqual({ count: 1, average: 5 });
    const visible = await (await createTestCaller({ user: employee })).review.list({ limit: 10, productId: dish.id });
    expect(visible.items.map((r) => r.rating)).toEqual([5]);
    expect((await (await createTestCaller({ user: b })).review.list({ limit: 10, productId: dish.id })).items).toHaveLength(2);
    expect((await staff.review.list({ limit: 10, status: 'hidden' })).items.map((r) => r.id)).toEqual([harsh]);
    await expect(
      (await createTestCaller({ user: employee })).review.setStatus({ id: harsh, status: 'visible' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await staff.review.setStatus({ id: harsh, status: 'visible' });
    expect(await summary(dish.id)).toEqual({ count: 2, average: 3 });
  });

  it('keeps the count and average exact under concurrent reviews', async () => {
    const dish = await makeProduct(orm);
    const people = [];
    for (let i = 0; i < 20; i++) {
      const user = await makeUser(orm);
      await buy(user, dish.id);
      people.push(user);
    }
    await Promise.all(
      people.map(async (user, i) =>
        (await createTestCaller({ user })).review.create({ productId: dish.id, rating: (i % 5) + 1 }),
      ),
    );
    const product = await orm.em.fork().findOneOrFail(Product, dish.id);
    expect(product.ratingCount).toBe(20);
    expect(product.ratingSum).toBe(4 * (1 + 2 + 3 + 4 + 5));
  });
});

describe('review.list', () => {
  it('lists a dish’s reviews newest first, a page at a time, and audits moderation', async () => {
    const { manager } = await makeCast(orm);
    const dish = await makeProduct(orm);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const user = await makeUser(orm);
      await buy(user, dish.id);
      ids.push((await (await createTestCaller({ user })).review.create({ productId: dish.id, rating: 3 })).id);
    }
    const reader = await createTestCaller({ user: await makeUser(orm) });
    const first = await reader.review.list({ limit: 2, productId: dish.id });
    const rest = await reader.review.list({ limit: 10, productId: dish.id, cursor: first.nextCursor });
    expect([...first.items, ...rest.items].map((r) => r.id)).toEqual(ids.toReversed());
    await expect(reader.review.list({ limit: 10 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await (await createTestCaller({ user: manager })).review.setStatus({ id: ids[0]!, status: 'hidden' });
    const audit = await orm.em.fork().findOneOrFail(AuditEntry, { action: 'review.setStatus', entityId: ids[0] });
    expect(audit).toMatchObject({ before: { status: 'visible' }, after: { status: 'hidden' } });
    expect(audit.actor?.id).toBe(manager.id);
  });
});
