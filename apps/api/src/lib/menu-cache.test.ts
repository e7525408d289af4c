import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createMemoryMenuCache, createRedisMenuCache } from './menu-cache';

describe('memory menu cache', () => {
  it('loads once, then serves the cached value until invalidated', async () => {
    const cache = createMemoryMenuCache();
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('k', load)).toBe(1);
    expect(await cache.get('k', load)).toBe(1);
    await cache.invalidate();
    expect(await cache.get('k', load)).toBe(2);
  });

  it('does not keep a value loaded across an invalidation', async () => {
    const cache = createMemoryMenuCache();
    let release: (() => void) | undefined;
    const slow = cache.get('k', () => new Promise<string>((resolve) => (release = () => resolve('stale'))));
    await cache.invalidate();
    release?.();
    expect(await slow).toBe('stale');
    expect(await cache.get('k', async () => 'fresh')).toBe('fresh');
  });
});

const redisUrl = inject('redisUrl');

describe.runIf(redisUrl)('Redis menu cache (real Redis)', () => {
  it('is shared by processes, and a write in one invalidates all of them', async () => {
    const [connectionA, connectionB] = [new Redis(redisUrl!), new Redis(redisUrl!)];
    try {
      const [a, b] = [await createRedisMenuCache(connectionA), await createRedisMenuCache(connectionB)];
      const key = `test-${Math.random()}`;
      expect(await a.get(key, async () => ({ v: 1 }))).toEqual({ v: 1 });
      // Process B finds A's entry instead of loading.
      expect(await b.get(key, async () => ({ v: 'not used' }))).toEqual({ v: 1 });
      await b.invalidate();
      // A hears about it over pub/sub; wait for the message rather than sleeping.
      await expect.poll(() => a.get(key, async () => ({ v: 2 })), { timeout: 2_000 }).toEqual({ v: 2 });
      await a.close();
      await b.close();
    } finally {
      connectionA.disconnect();
      connectionB.disconnect();
    }
  });
});
