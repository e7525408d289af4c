import type { Redis } from 'ioredis';
import { cacheRequests } from './metrics';

export type MenuCache = {
  /** The cached value for `key`, or the loader's result, kept until the next menu write (or the TTL). */
  get: <T>(key: string, load: () => Promise<T>) => Promise<T>;
  /** Called after every product or category write; reaches every process when Redis is used. */
  invalidate: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * How stale shown stock may get: orders change stock without invalidating (that would empty the cache at the
 * lunch rush), so entries live this long at most. Menu writes invalidate at once.
 */
export const MENU_STALENESS_SECONDS = 5;
const TTL_SECONDS = MENU_STALENESS_SECONDS;
const MAX_LOCAL_ENTRIES = 1_000;

/** In process memory: one generation of entries, dropped whole on every write. */
export const createMemoryMenuCache = (): MenuCache => {
  let entries = new Map<string, { value: unknown; expiresAt: number }>();
  return {
    async get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      const isHit = hit !== undefined && hit.expiresAt > Date.now();
      cacheRequests.inc({ cache: 'menu', result: isHit ? 'hit' : 'miss' });
      if (isHit) return hit.value as T;
      const generation = entries;
      const value = await load();
      // A write during the load started a new generation: do not put stale data into it.
      if (generation === entries) {
        if (entries.size >= MAX_LOCAL_ENTRIES) entries.clear();
        entries.set(key, { value, expiresAt: Date.now() + TTL_SECONDS * 1000 });
      }
      return value;
    },
    async invalidate() {
      entries = new Map();
    },
    async close() {
      entries.clear();
    },
  };
};

const VERSION_KEY = 'canteen:menu:version';
const CHANNEL = 'canteen:menu:invalidated';

/**
 * Shared by every API process: entries live in Redis under the current menu version. A write bumps the version
 * (INCR) and publishes it, so every process switches to fresh keys at once; old keys expire on their own.
 */
export const createRedisMenuCache = async (redis: Redis): Promise<MenuCache> => {
  const subscriber = redis.duplicate();
  let version = Number((await redis.get(VERSION_KEY)) ?? 0);
  await subscriber.subscribe(CHANNEL);
  subscriber.on('message', (_channel: string, message: string) => {
    version = Math.max(version, Number(message));
  });
  return {
    async get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const at = version;
      const cacheKey = `canteen:menu:${at}:${key}`;
      const hit = await redis.get(cacheKey);
      cacheRequests.inc({ cache: 'menu', result: hit === null ? 'miss' : 'hit' });
      if (hit !== null) return JSON.parse(hit) as T;
      const value = await load();
      if (at === version) await redis.set(cacheKey, JSON.stringify(value), 'EX', TTL_SECONDS);
      return value;
    },
    async invalidate() {
      version = await redis.incr(VERSION_KEY);
      await redis.publish(CHANNEL, String(version));
    },
    async close() {
      await subscriber.quit();
    },
  };
};
