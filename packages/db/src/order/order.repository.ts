import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { kysely } from '../query';

/** Did this person buy the dish in an order that still stands (not refunded)? */
export const hasBought = async (em: SqlEntityManager, userId: string, productId: string): Promise<boolean> => {
  const row = await kysely(em)
    .selectFrom('OrderLine as l')
    .innerJoin('Order as o', 'o.id', 'l.order')
    .select((eb) => eb.lit(1).as('one'))
    .where('o.user', '=', userId)
    .where('l.product', '=', productId)
    .where('o.status', '=', 'completed')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
};
