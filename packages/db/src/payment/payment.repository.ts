import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { newId } from '../common/base';
import type { PaymentProviderName } from '@canteen/shared';
import { kysely } from '../query';

/** What one person started in top-ups over the last 24 hours (pending or paid), for the daily limit. */
export const topUpsInLastDay = async (em: SqlEntityManager, userId: string): Promise<number> => {
  const row = await kysely(em)
    .selectFrom('Payment')
    .select((eb) => eb.fn.sum<string | null>('amountCents').as('cents'))
    .where('user', '=', userId)
    .where('status', 'in', ['pending', 'succeeded', 'refunded'])
    .where('createdAt', '>', sql<Date>`now() - interval '24 hours'`)
    .executeTakeFirst();
  return Number(row?.cents ?? 0);
};

/**
 * Records a provider event as seen. False when it was seen before: the unique (provider, event id) makes a
 * second delivery wait for the first one's transaction and then do nothing (exactly-once processing).
 */
export const recordWebhookEvent = async (
  em: SqlEntityManager,
  event: { provider: PaymentProviderName; eventId: string; type: string },
): Promise<string | null> => {
  const now = new Date();
  const row = await kysely(em)
    .insertInto('WebhookEvent')
    .values({ id: newId(), createdAt: now, updatedAt: now, provider: event.provider, eventId: event.eventId, type: event.type })
    .onConflict((conflict) => conflict.columns(['provider', 'eventId']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
};
