import { randomUUID } from 'node:crypto';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createOrmConfig, findFreePort } from '@canteen/db';
import { createApp } from '../src/app';
import { isDatabaseUnavailable } from '../src/errors';
import { createRateLimits } from '../src/lib/rate-limit';
import { createTestDeps, silentLogger } from './helpers';
import { getTestOrm } from './db';

/** A TCP proxy to PostgreSQL that can be cut (every connection dropped, new ones refused) and restored. */
const startCuttableProxy = async (targetPort: number) => {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(a);
      a.pipe(b);
      a.on('error', () => b.destroy());
      a.on('close', () => {
        sockets.delete(a);
        b.destroy();
      });
    }
  });
  const listen = (port: number) => new Promise<void>((resolveListen) => server.listen(port, '127.0.0.1', resolveListen));
  await listen(0);
  const { port } = server.address() as AddressInfo;
  return {
    port,
    cut: () => {
      server.close();
      for (const socket of sockets) socket.destroy();
    },
    restore: () => listen(port),
  };
};

/** Polls `check` until it holds (a deadline fails the test instead of hanging it). */
const waitFor = async (check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolveWait) => setTimeout(resolveWait, 20));
  }
};

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

  it('gives back to the pool the connections of transactions cut by an outage (kysely#1990)', async () => {
    // Four transactions in flight when the connection to PostgreSQL is cut (as when it stops mid-rush): each query
    // fails, and so does each ROLLBACK. Kysely 0.29.6 released a connection only after a successful ROLLBACK, so
    // each one kept its pool slot for ever; once every slot was gone, even `select 1` waited for ever.
    const live = await getTestOrm();
    const upstream = new URL(live.config.get('clientUrl'));
    const proxy = await startCuttableProxy(Number(upstream.port || 5432));
    const pools: Pool[] = [];
    const url = new URL(upstream);
    url.port = String(proxy.port);
    const orm = await MikroORM.init(
      createOrmConfig({ clientUrl: url.toString(), pool: { max: 4 }, onPoolCreated: (pool) => pools.push(pool) }),
    );
    const marker = `cut-${randomUUID()}`;
    try {
      const inFlight = Array.from({ length: 4 }, () =>
        orm.em.fork().transactional(async (em) => {
          await em.execute(`select pg_sleep(30) as "${marker}"`);
        }),
      );
      // Cut only once all four are running on the server.
      await waitFor(async () => {
        const [row] = await live.em
          .fork()
          .getConnection()
          .execute<{ n: number }[]>(`select count(*)::int as n from pg_stat_activity where state = 'active' and query like ?`, [
            `%${marker}%`,
          ]);
        return (row?.n ?? 0) >= 4;
      });
      proxy.cut();
      const outcomes = await Promise.allSettled(inFlight);
      expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
      const pool = pools[0]!;
      expect(pool.totalCount - pool.idleCount).toBe(0);
      await proxy.restore();
      expect(await orm.em.fork().getConnection().execute('select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      proxy.cut();
      // A leaked connection would hold the pool's close for ever: the assertion above has failed already then.
      if (pools.every((pool) => pool.totalCount === pool.idleCount)) await orm.close(true);
      await live.em
        .fork()
        .getConnection()
        .execute(`select pg_terminate_backend(pid) from pg_stat_activity where query like ? and pid <> pg_backend_pid()`, [
          `%${marker}%`,
        ]);
    }
  });

  it('says not ready within about 2 s when the database does not answer at all (a network that drops packets)', async () => {
    // A server that accepts connections and never says a word: every connection attempt hangs.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolveListen) => silent.listen(0, '127.0.0.1', resolveListen));
    const { port } = silent.address() as AddressInfo;
    const orm = await MikroORM.init(createOrmConfig({ clientUrl: `postgresql://postgres@127.0.0.1:${port}/canteen` }));
    const app = createApp({
      orm,
      logger: silentLogger,
      deps: createTestDeps(),
      cookieSecure: false,
      trustProxy: false,
      trustedOrigins: [],
    });
    try {
      const started = performance.now();
      const ready = await app.request('/health/ready');
      expect(ready.status).toBe(503);
      expect(performance.now() - started).toBeLessThan(4_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
      await orm.close(true);
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
