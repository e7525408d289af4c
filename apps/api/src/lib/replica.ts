import type { Redis } from 'ioredis';
import { readKysely } from '@canteen/db';
import type { EntityManager } from '@mikro-orm/postgresql';

/*
 * Read replicas (docs/adr/0010-read-replicas.md). Reports and lists may read a replica, which lags the primary by
 * a moment; a person who has just changed something reads the primary for a while, so they always see their own
 * change. Everything that must be exact (the wallet spend, stock, idempotency, sign-in) runs in a transaction or
 * reads through `kysely(em)`, and so always on the primary.
 */

/** How long after a person's last change their reads stay on the primary: far above a healthy replica's lag. */
export const PRIMARY_AFTER_WRITE_SECONDS = 10;

export type RecentWrites = {
  /** Called after every change a person makes, in whichever process. */
  mark: (userId: string) => Promise<void>;
  /** Whether they changed something in the last PRIMARY_AFTER_WRITE_SECONDS. */
  isRecent: (userId: string) => Promise<boolean>;
};

/** In Redis when the processes share one (a change through one process counts in all), else in this process. */
export const createRecentWrites = (redis?: Redis, prefix = 'canteen:wrote'): RecentWrites => {
  if (redis) {
    return {
      mark: async (userId) => {
        await redis.set(`${prefix}:${userId}`, '1', 'EX', PRIMARY_AFTER_WRITE_SECONDS);
      },
      isRecent: async (userId) => (await redis.exists(`${prefix}:${userId}`)) === 1,
    };
  }
  const until = new Map<string, number>();
  return {
    mark: async (userId) => {
      until.set(userId, Date.now() + PRIMARY_AFTER_WRITE_SECONDS * 1000);
      // Forget the expired now and then, so the map stays as small as the people writing right now.
      if (until.size > 10_000) for (const [id, at] of until) if (at <= Date.now()) until.delete(id);
    },
    isRecent: async (userId) => (until.get(userId) ?? 0) > Date.now(),
  };
};

/** Where a request's reports and lists read: the replica, unless replicas are off or its person just wrote. */
export const readTargetFor = async (recentWrites: RecentWrites | null, userId: string | null): Promise<ReadTarget> => {
  if (!recentWrites) return 'primary';
  if (!userId) return 'replica';
  // When the markers cannot be read (Redis down), the primary: a moment slower, never stale, never a failed request.
  return (await recentWrites.isRecent(userId).catch(() => true)) ? 'primary' : 'replica';
};

export type ReadTarget = 'replica' | 'primary';

/** The query builder for a report or a list: on the replica when the request may read one. */
export const readDb = (ctx: { em: EntityManager; readFrom?: ReadTarget | undefined }) =>
  readKysely(ctx.em, ctx.readFrom === 'replica');

/** The same choice for `em.find` (its `connectionType` option), for lists read through the ORM. */
export const readConnection = (ctx: { readFrom?: ReadTarget | undefined }): 'read' | 'write' =>
  ctx.readFrom === 'replica' ? 'read' : 'write';
