import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { MONEY_RETURNED_STATUSES } from '@canteen/shared';
import { kysely } from '../query';

/** Did this person buy the dish in an order that still stands (not cancelled or refunded)? */
export const hasBought = async (em: SqlEntityManager, userId: string, productId: string): Promise<boolean> => {
  const row = await kysely(em)
    .selectFrom('OrderLine as l')
    .innerJoin('Order as o', 'o.id', 'l.order')
    .select((eb) => eb.lit(1).as('one'))
    .where('o.user', '=', userId)
    .where('l.product', '=', productId)
    .where('o.status', 'not in', MONEY_RETURNED_STATUSES)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
};
