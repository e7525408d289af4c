import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { kysely } from '../query';

// Stock and rating counters change by one conditional UPDATE each, never by read-modify-write through the unit of
// work: concurrent orders and reviews must not lose a count, and the condition is what stops overselling.

/** Takes `quantity` from a tracked stock if that much is left; false when it is not (or stock is not tracked). */
export const takeStock = async (em: SqlEntityManager, productId: string, quantity: number): Promise<boolean> => {
  const { numUpdatedRows } = await kysely(em)
    .updateTable('Product')
    .set((eb) => ({ stock: eb('stock', '-', quantity), updatedAt: sql<Date>`now()` }))
    .where('id', '=', productId)
    .where('stock', 'is not', null)
    .where('stock', '>=', quantity)
    .executeTakeFirst();
  return numUpdatedRows > 0n;
};

/** Puts stock back (a refund); untracked stock stays untracked. */
export const putBackStock = async (em: SqlEntityManager, productId: string, quantity: number): Promise<void> => {
  await kysely(em)
    .updateTable('Product')
    .set((eb) => ({ stock: eb('stock', '+', quantity), updatedAt: sql<Date>`now()` }))
    .where('id', '=', productId)
    .where('stock', 'is not', null)
    .execute();
};

/** Moves the rating summary (visible reviews only) by a count and a sum of stars. */
export const adjustRating = async (
  em: SqlEntityManager,
  productId: string,
  change: { count: number; sum: number },
): Promise<void> => {
  await kysely(em)
    .updateTable('Product')
    .set((eb) => ({ ratingCount: eb('ratingCount', '+', change.count), ratingSum: eb('ratingSum', '+', change.sum) }))
    .where('id', '=', productId)
    .execute();
};
