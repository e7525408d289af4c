import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { kysely } from '../query';

export type LoginFailureCount = { failedLoginCount: number; lockedUntil: Date | null };

/**
 * Counts one failed sign-in on the account and locks it when this failure reaches `lockAfter`. One conditional
 * UPDATE, never read-modify-write: concurrent wrong guesses each count, so none of them can skip the lock.
 */
export const countLoginFailure = async (
  em: SqlEntityManager,
  userId: string,
  policy: { lockAfter: number; lockMinutes: number },
): Promise<LoginFailureCount | null> => {
  const row = await kysely(em)
    .updateTable('User')
    .set((eb) => ({
      failedLoginCount: eb('failedLoginCount', '+', 1),
      lockedUntil: eb
        .case()
        .when(eb('failedLoginCount', '+', 1), '>=', policy.lockAfter)
        .then(sql<Date>`now() + make_interval(mins => ${policy.lockMinutes})`)
        .else(eb.ref('lockedUntil'))
        .end(),
    }))
    .where('id', '=', userId)
    .returning(['failedLoginCount', 'lockedUntil'])
    .executeTakeFirst();
  return row ? { failedLoginCount: row.failedLoginCount, lockedUntil: row.lockedUntil ?? null } : null;
};
