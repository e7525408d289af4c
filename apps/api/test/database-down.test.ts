import { MikroORM } from '@mikro-orm/postgresql';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createOrmConfig, findFreePort } from '@canteen/db';
import { createApp } from '../src/app';
import { isDatabaseUnavailable } from '../src/errors';
import { createRateLimits } from '../src/lib/rate-limit';
import { createTestDeps, silentLogger } from './helpers';
import { getTestOrm } from './db';

/** An ORM whose database is not there: a port nothing listens on, as while PostgreSQL restarts. */
const downOrm = async () => {
  const port = await findFreePort(20_000);
  return MikroORM.init(createOrmConfig({ clientUrl: `postgresql://postgres@127.0.0.1:${port}/canteen` }));
};

describe('while the database is down', () => {
  it('answers a quick, typed 503 (reason SERVICE_UNAVAILABLE), never a 500 or a hang', async () => {
    const orm = await downOrm();
    const live = await getTestOrm();
    const deps = createTestDeps();
    // A token for someone the database would know: the request must reach the database to find out.
    const token = (await deps.tokens.sign('01890a5d-ac96-774b-bcce-b302099a8057')).token;
    const app = createApp({ orm, logger: silentLogger, deps, cookieSecure: false, trustProxy: false, trustedOrigins: [] });
    try {
      const started = performance.now();
      const responses = await Promise.all([
        app.request(`/trpc/auth.me`, { headers: { authorization: `Bearer ${token}` } }),
        app.request(`/trpc/category.list`, {}),
        app.request('/health/ready'),
      ]);
      expect(performance.now() - started).toBeLessThan(5_000);
      const [me, categories, ready] = responses;
      expect(me.status).toBe(503);
      const body = (await me.json()) as { error: { data: { code: string; reason: string }; message: string } };
      expect(body.error.data).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'SERVICE_UNAVAILABLE' });
      expect(body.error.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|connect/);
      // Unauthenticated: the address budget, then a protected procedure's refusal; no database needed.
      expect(categories.status).toBe(401);
      expect(ready.status).toBe(503);
      // The live database is untouched by any of it.
      expect(await live.em.fork().getConnection().execute('select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await orm.close();
    }
  });

  it('answers a 503, not a 500, when the store of the rate limits cannot be reached', async () => {
    const port = await findFreePort(21_000);
    const deadRedis = new Redis({ port, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    const deps = {
      ...createTestDeps(),
      rateLimits: createRateLimits({ loginPerMinute: 10, apiPerMinute: 10, mutationsPerMinute: 10 }, deadRedis),
    };
    const app = createApp({
      orm: await getTestOrm(),
      logger: silentLogger,
      deps,
      cookieSecure: false,
      trustProxy: false,
      trustedOrigins: [],
    });
    try {
      const response = await app.request('/trpc/category.list');
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ reason: 'SERVICE_UNAVAILABLE' });
      expect(response.headers.get('retry-after')).toBe('2');
    } finally {
      deadRedis.disconnect();
    }
  });

  it('tells an outage from a bad statement', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(
      true,
    );
    expect(
      isDatabaseUnavailable(new Error('x', { cause: Object.assign(new Error('terminating connection'), { code: '57P01' }) })),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error at or near "selec"'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});
