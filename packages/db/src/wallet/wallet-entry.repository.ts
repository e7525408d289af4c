import type { PayerAmount } from '@canteen/shared';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { kysely } from '../query';
import { WalletEntry } from './wallet-entry.entity';

/**
 * Serialises every balance change of one wallet (docs/adr/0005): a transaction-scoped advisory lock on the user
 * id, so spends of different users never wait for each other and two spends of one user run one after the
 * other. Hand-written SQL because a lock is not a query over entities. Outside a transaction PostgreSQL would
 * release it at once, so it refuses to run there.
 */
export const lockWallet = async (em: SqlEntityManager, userId: string): Promise<void> => {
  if (!em.isInTransaction()) throw new Error('lockWallet needs a transaction: call it inside em.transactional');
  await sql`select pg_advisory_xact_lock(hashtextextended('wallet:' || ${userId}, 0))`.execute(kysely(em));
};

/** The lots that still hold money, oldest first (the partial index `wallet_entry_open_lots_index`). */
export const openLots = (em: SqlEntityManager, userId: string): Promise<WalletEntry[]> =>
  em.find(WalletEntry, { user: userId, remainingCents: { $gt: 0 } }, { orderBy: { occurredAt: 'asc', id: 'asc' } });

/** Balance per payer from what is left in the open lots, so its cost does not grow with the history. */
export const balanceByPayer = async (em: SqlEntityManager, userId: string): Promise<PayerAmount[]> => {
  const rows = await kysely(em)
    .selectFrom('WalletEntry as e')
    .innerJoin('Payer as p', 'p.id', 'e.payer')
    .select(['e.payer as payerId', 'p.name as payerName', (eb) => eb.fn.sum<string>('e.remainingCents').as('cents')])
    .where('e.user', '=', userId)
    .where('e.remainingCents', '>', 0)
    .groupBy(['e.payer', 'p.name'])
    .orderBy('p.name')
    .execute();
  return rows.map((row) => ({ payerId: row.payerId, payerName: row.payerName, amountCents: Number(row.cents) }));
};

/**
 * Positive credits made in the last 24 hours by anyone but an admin, per person (adjustments, spends and refunds
 * do not count).
 */
export const recentNonAdminCredits = async (em: SqlEntityManager, userIds: string[]): Promise<Map<string, number>> => {
  if (userIds.length === 0) return new Map();
  const rows = await kysely(em)
    .selectFrom('WalletEntry as e')
    .innerJoin('User as c', 'c.id', 'e.createdBy')
    .select(['e.user as userId', (eb) => eb.fn.sum<string>('e.amountCents').as('cents')])
    .where('e.user', 'in', userIds)
    .where('e.kind', '=', 'credit')
    .where('e.amountCents', '>', 0)
    .where('c.role', '<>', 'admin')
    .where('e.createdAt', '>', sql<Date>`now() - interval '24 hours'`)
    .groupBy('e.user')
    .execute();
  return new Map(rows.map((row) => [row.userId, Number(row.cents)]));
};

/** The wallet balance at the end of each of the last `days` days (UTC day of `occurredAt`), oldest first. */
export const dailyBalances = async (
  em: SqlEntityManager,
  userId: string,
  days: number,
): Promise<{ date: string; balanceCents: number }[]> => {
  const rows = await kysely(em)
    .with('days', (db) =>
      db.selectNoFrom(
        sql<string>`generate_series(current_date - (${days}::int - 1), current_date, interval '1 day')::date`.as('day'),
      ),
    )
    .with('daily', (db) =>
      db
        .selectFrom('WalletEntry')
        .select([
          sql<string>`(${sql.ref('occurredAt')} at time zone 'UTC')::date`.as('day'),
          (eb) => eb.fn.sum<string>('amountCents').as('delta'),
        ])
        .where('user', '=', userId)
        .groupBy(sql`1`),
    )
    .selectFrom('days as d')
    .select([
      sql<string>`to_char(d.day, 'YYYY-MM-DD')`.as('date'),
      (eb) =>
        eb
          .selectFrom('daily')
          .select((daily) => daily.fn.coalesce(daily.fn.sum<string>('daily.delta'), daily.lit(0)).as('cents'))
          .whereRef('daily.day', '<=', 'd.day')
          .as('cents'),
    ])
    .orderBy('d.day')
    .execute();
  return rows.map((row) => ({ date: row.date, balanceCents: Number(row.cents) }));
};
