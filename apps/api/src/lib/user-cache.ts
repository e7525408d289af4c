import type { EntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User, userChanges } from '@canteen/db';
import { wrap } from '@mikro-orm/core';
import type { Bus } from './bus';
import { cacheRequests } from './metrics';

/**
 * How long a process may act on what it last read about a signed-in person (role, department, active, when their
 * sign-ins were voided). A change takes effect at once in the process that made it (`userChanges`) and, through
 * the bus (Redis, or the cluster's primary), in the others; this is the bound when a notice is lost.
 */
export const USER_CACHE_SECONDS = 5;
const MAX_ENTRIES = 50_000;

export type UserCache = {
  /** The person as a managed entity of `em`: from the cache when fresh, else loaded (and kept). */
  load: (em: EntityManager, userId: string) => Promise<User | null>;
  /** The cached snapshot when fresh, without touching the database (the menu's answer cache uses it). */
  peek: (userId: string) => EntityData<User> | undefined;
  close: () => void;
};

/**
 * Every authenticated request needs its caller's row; reading it from the database each time was a fifth of a
 * cached menu request's CPU. Entries are plain snapshots, merged into the request's EntityManager, so services
 * get a managed entity whose changes flush as usual.
 */
export const createUserCache = ({ ttlSeconds = USER_CACHE_SECONDS, bus }: { ttlSeconds?: number; bus?: Bus } = {}): UserCache => {
  const entries = new Map<string, { data: EntityData<User>; expiresAt: number }>();
  /** Bumped on every change, so a load that raced a change does not put the old row back. */
  let changes = 0;
  const forget = (userId: string) => {
    changes += 1;
    entries.delete(userId);
  };
  // A change here is told to the other processes (lib/bus.ts), so there too it usually takes effect at once.
  const changedHere = (userId: string) => {
    forget(userId);
    bus?.publish('user', userId);
  };
  userChanges.on('changed', changedHere);
  const unsubscribe = bus?.subscribe('user', forget);
  return {
    async load(em, userId) {
      const hit = ttlSeconds > 0 ? entries.get(userId) : undefined;
      const isHit = hit !== undefined && hit.expiresAt > Date.now();
      cacheRequests.inc({ cache: 'user', result: isHit ? 'hit' : 'miss' });
      if (isHit) return em.merge(User, hit.data);
      const seen = changes;
      const user = await em.findOne(User, { id: userId });
      if (user && ttlSeconds > 0 && seen === changes) {
        if (entries.size >= MAX_ENTRIES) entries.clear();
        entries.set(userId, { data: wrap(user).toPOJO(), expiresAt: Date.now() + ttlSeconds * 1000 });
      }
      return user;
    },
    peek(userId) {
      const hit = ttlSeconds > 0 ? entries.get(userId) : undefined;
      return hit !== undefined && hit.expiresAt > Date.now() ? hit.data : undefined;
    },
    close() {
      userChanges.off('changed', changedHere);
      unsubscribe?.();
      entries.clear();
    },
  };
};
