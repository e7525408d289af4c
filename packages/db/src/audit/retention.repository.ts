import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { kysely } from '../query';

// Retention works with set-based statements: one UPDATE or DELETE per rule, however many rows it touches.

/**
 * Audit entries older than `before` keep what happened and when, but lose who was where: the address and
 * browser, and the before/after snapshots (which may name people). `delete` removes them outright.
 */
export const retireAuditEntries = async (
  em: SqlEntityManager,
  { before, mode }: { before: Date; mode: 'anonymise' | 'delete' },
): Promise<number> => {
  const db = kysely(em);
  if (mode === 'delete') {
    const result = await db.deleteFrom('AuditEntry').where('at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
  const result = await db
    .updateTable('AuditEntry')
    .set({ ip: null, userAgent: null, before: null, after: sql`jsonb_build_object('retained', true)` })
    .where('at', '<', before)
    .where((eb) => eb.or([eb('ip', 'is not', null), eb('userAgent', 'is not', null), eb('before', 'is not', null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
};

/** Refresh-token rows that can no longer be used: expired before `before`. */
export const purgeExpiredSessions = async (em: SqlEntityManager, before: Date): Promise<number> =>
  Number((await kysely(em).deleteFrom('Session').where('expiresAt', '<', before).executeTakeFirst()).numDeletedRows);

/** Reset links that expired (used or not) before `before`. */
export const purgeExpiredResets = async (em: SqlEntityManager, before: Date): Promise<number> =>
  Number((await kysely(em).deleteFrom('PasswordReset').where('expiresAt', '<', before).executeTakeFirst()).numDeletedRows);
