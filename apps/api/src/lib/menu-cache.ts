import type { Redis } from 'ioredis';
import type { Bus } from './bus';
import { cacheRequests } from './metrics';

/** A whole HTTP answer of a menu query (lib/menu-responses.ts), kept with the entries it was built from. */
export type CachedResponse = { body: Uint8Array; etag: string; contentType: string };

export type MenuCache = {
  /** The cached value for `key`, or the loader's result, kept until the next menu write (or the TTL). */
  get: <T>(key: string, load: () => Promise<T>) => Promise<T>;
  /**
   * Whole answers, in this process's memory under the same rule: dropped by the next menu write anywhere, and
   * after the TTL. `ticket()` is taken before the answer is built; `put` keeps it only if no write came between.
   */
  responses: {
    ticket: () => unknown;
    get: (key: string) => CachedResponse | undefined;
    put: (ticket: unknown, key: string, response: CachedResponse) => void;
  };
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

type Generation = {
  entries: Map<string, { value: unknown; expiresAt: number }>;
  responses: Map<string, { response: CachedResponse; expiresAt: number }>;
};
const newGeneration = (): Generation => ({ entries: new Map(), responses: new Map() });

/** The answers of one generation; `current()` is the generation a write has not yet replaced. */
const responsesOf = (current: () => Generation): MenuCache['responses'] => ({
  ticket: current,
  get(key) {
    const hit = current().responses.get(key);
    const isHit = hit !== undefined && hit.expiresAt > Date.now();
    cacheRequests.inc({ cache: 'menu-response', result: isHit ? 'hit' : 'miss' });
    return isHit ? hit.response : undefined;
  },
  put(ticket, key, response) {
    const generation = current();
    if (ticket !== generation) return;
    if (generation.responses.size >= MAX_LOCAL_ENTRIES) generation.responses.clear();
    generation.responses.set(key, { response, expiresAt: Date.now() + TTL_SECONDS * 1000 });
  },
});

/**
 * In process memory: one generation of entries, dropped whole on every write. With a bus (lib/bus.ts: the
 * processes of one cluster), a write in any process drops every process's generation.
 */
export const createMemoryMenuCache = (bus?: Bus): MenuCache => {
  let generation = newGeneration();
  const unsubscribe = bus?.subscribe('menu', () => {
    generation = newGeneration();
  });
  return {
    async get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const { entries } = generation;
      const hit = entries.get(key);
      const isHit = hit !== undefined && hit.expiresAt > Date.now();
      cacheRequests.inc({ cache: 'menu', result: isHit ? 'hit' : 'miss' });
      if (isHit) return hit.value as T;
      const value = await load();
      // A write during the load started a new generation: do not put stale data into it.
      if (entries === generation.entries) {
        if (entries.size >= MAX_LOCAL_ENTRIES) entries.clear();
        entries.set(key, { value, expiresAt: Date.now() + TTL_SECONDS * 1000 });
      }
      return value;
    },
    responses: responsesOf(() => generation),
    async invalidate() {
      generation = newGeneration();
      bus?.publish('menu', '');
    },
    async close() {
      unsubscribe?.();
      generation = newGeneration();
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
  // Whole answers stay in this process, under the version they were built at.
  let local = { version, generation: newGeneration() };
  const current = () => {
    if (local.version !== version) local = { version, generation: newGeneration() };
    return local.generation;
  };
  await subscriber.subscribe(CHANNEL);
  subscriber.on('message', (_channel: string, message: string) => {
    version = Math.max(version, Number(message));
  });
  return {
    responses: responsesOf(current),
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
