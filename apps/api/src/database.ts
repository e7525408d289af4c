import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig, runWithAudit, startEmbeddedPostgres, type RunningPostgres } from '@canteen/db';
import { seedDemo, seedBootstrapAdmin } from '@canteen/db/seed';
import { seedDemoNews } from './demo-news';
import type { Env } from './env';
import { observePool } from './lib/metrics';
import type { Logger } from './logger';

export type Database = { orm: MikroORM; embedded: RunningPostgres | null; isFresh: boolean; url: string };

/** Whether MikroORM made this pool for `url` (the primary) rather than for a replica. */
const isPoolOf = (pool: { options: { connectionString?: string; host?: string; port?: number } }, url: string): boolean => {
  const { connectionString, host, port } = pool.options;
  if (connectionString) return connectionString === url;
  const wanted = new URL(url);
  // MikroORM passes a URL without a port as port 0.
  return host === wanted.hostname && (port || 5432) === Number(wanted.port || 5432);
};

/** How long GET /health/ready and the `canteen_ready` gauge wait for the database before saying it is down. */
const PING_TIMEOUT_MS = 2_000;

/**
 * One round trip that touches no table, for GET /health/ready and the `canteen_ready` gauge: raw SQL on purpose
 * (docs/adr/0007-query-layer.md). Throws when the database does not answer, or not within 2 s (a full pool or a
 * network that drops packets must not hang the load balancer's probe or a metrics scrape).
 */
export const pingDatabase = async (orm: MikroORM): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
  });
  try {
    await Promise.race([orm.em.fork().getConnection().execute('select 1'), late]);
  } finally {
    clearTimeout(timer);
  }
};

/** Opens the configured PostgreSQL, or starts the embedded one under DATA_DIR when DATABASE_URL is unset. */
export const openDatabase = async (env: Env, logger: Logger): Promise<Database> => {
  let embedded: RunningPostgres | null = null;
  let clientUrl = env.DATABASE_URL;
  if (!clientUrl) {
    const dataDir = resolve(env.DATA_DIR, 'postgres');
    logger.info({ dataDir, port: env.EMBEDDED_PG_PORT }, 'starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: env.EMBEDDED_PG_PORT,
      onLog: (message) => logger.trace({ pg: message }),
    });
    if (embedded.port !== env.EMBEDDED_PG_PORT) {
      logger.warn({ wanted: env.EMBEDDED_PG_PORT, port: embedded.port }, 'embedded PostgreSQL port was taken; using another');
    }
    clientUrl = embedded.urlFor('canteen');
  }
  try {
    if (embedded) await embedded.createDatabase('canteen');
    const primaryUrl = clientUrl;
    const orm = await MikroORM.init(
      createOrmConfig({
        clientUrl,
        pool: { max: env.DB_POOL_MAX },
        debug: env.LOG_LEVEL === 'trace',
        logger: (message) => logger.debug({ orm: message }),
        replicaUrls: env.DATABASE_REPLICA_URLS,
        onPoolCreated: (pool) => observePool(pool, isPoolOf(pool, primaryUrl) ? 'primary' : 'replica'),
      }),
    );
    const executed = await orm.migrator.getExecuted();
    const pending = await orm.migrator.getPending();
    if (pending.length > 0) {
      logger.info({ pending: pending.map((m) => m.name) }, 'applying migrations');
      await orm.migrator.up();
    }
    return { orm, embedded, isFresh: executed.length === 0, url: clientUrl };
  } catch (error) {
    // Leave no server behind on a failed start.
    await embedded?.stop().catch(() => {});
    throw error;
  }
};

/**
 * Demo data goes into the embedded database on its first start, and into a configured server only when
 * SEED_DEMO=1. A configured server can instead get one admin from BOOTSTRAP_ADMIN_EMAIL/PASSWORD.
 */
export const seedIfWanted = async (db: Database, env: Env, logger: Logger): Promise<boolean> => {
  const em = db.orm.em.fork();
  const audit = { actorId: null, action: 'system.seed', requestId: null, ip: null, userAgent: null };
  const wantsDemo = env.SEED_DEMO ?? (db.embedded !== null && db.isFresh);
  if (wantsDemo) {
    const seeded = await runWithAudit(
      audit,
      async () => (await seedDemo(em, { timeZone: env.CANTEEN_TIME_ZONE })) && (await seedDemoNews(em), true),
    );
    if (seeded) logger.info('seeded demo data');
    return seeded;
  }
  if (env.BOOTSTRAP_ADMIN_EMAIL && env.BOOTSTRAP_ADMIN_PASSWORD) {
    await runWithAudit(audit, () => seedBootstrapAdmin(em, env.BOOTSTRAP_ADMIN_EMAIL!, env.BOOTSTRAP_ADMIN_PASSWORD!));
  }
  return false;
};

/**
 * A missing JWT_SECRET is generated once and kept beside the data (so restarts keep sessions) only where the data
 * lives too: in development, or with the embedded database. A configured database in production needs JWT_SECRET,
 * since every API process behind the load balancer must share it.
 */
export const resolveJwtSecret = (env: Env, isEmbedded: boolean): string => {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  if (env.NODE_ENV === 'production' && !isEmbedded) {
    throw new Error('JWT_SECRET is required in production with DATABASE_URL (at least 32 characters)');
  }
  const file = join(resolve(env.DATA_DIR), 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(resolve(env.DATA_DIR), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
};
