import cluster, { type Worker } from 'node:cluster';
import { serve, type ServerType } from '@hono/node-server';
import { findFreePort, isPortFree, releaseEmbeddedSignalHandlers } from '@canteen/db';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@canteen/db/seed';
import { Hono } from 'hono';
import { AggregatorRegistry } from 'prom-client';
import { RateLimiterClusterMaster } from 'rate-limiter-flexible';
import { openDatabase, resolveJwtSecret, seedIfWanted } from './database';
import { DEFAULT_PORT, type Env } from './env';
import { relayBusNotices } from './lib/bus';
import { answerMetricsRequests } from './lib/metrics';
import type { Logger } from './logger';
import { chooseProvider } from './modules/payment/payment.config';

/** How many API processes the production start runs: API_PROCESSES, else one per core in production, else one. */
export const apiProcesses = (env: Env, cores: number): number => env.API_PROCESSES ?? (env.NODE_ENV === 'production' ? cores : 1);

/** A worker that dies this soon after its start is not restarted: the start itself is broken. */
const START_GRACE_MS = 10_000;
const STOP_TIMEOUT_MS = 20_000;

/** Asks every worker to drain and stop, and waits until they have exited. */
const stopWorkers = async (): Promise<void> => {
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolveExit) => {
          if (worker.isDead()) return resolveExit();
          worker.once('exit', () => resolveExit());
          worker.process.kill('SIGTERM');
        }),
    ),
  );
};

/**
 * The primary of `API_PROCESSES` > 1 (docs/PERFORMANCE.md, docs/SCALING.md): it starts the database (the embedded
 * one, or checks the configured one), migrates and seeds once, then runs one API process per core on one port
 * (Node's cluster module shares the socket). Without Redis it is what the workers share: the rate limits and
 * sign-in lockouts (rate-limiter-flexible's cluster master), cache notices (lib/bus.ts) and the metrics of all
 * workers (prom-client's aggregator, on METRICS_PORT or behind METRICS_TOKEN). A worker that dies is replaced.
 */
export const runPrimary = async (env: Env, logger: Logger, processes: number): Promise<void> => {
  // An explicit PORT that is taken fails before the database starts, as a single process does.
  if (env.PORT !== undefined && !(await isPortFree(env.PORT, env.HOST))) {
    throw new Error(`port ${env.PORT} on ${env.HOST} is in use by another program. Stop that program, or choose another port.`);
  }
  const db = await openDatabase(env, logger);
  await seedIfWanted(db, env, logger);
  const jwtSecret = resolveJwtSecret(env, db.embedded !== null);
  await db.orm.close();
  const port = env.PORT ?? (await findFreePort(DEFAULT_PORT, env.HOST));

  // The shared counts of every worker's rate limits and lockouts (held by rate-limiter-flexible once created).
  const limiterMaster = new RateLimiterClusterMaster();
  relayBusNotices();
  const aggregator = new AggregatorRegistry();
  answerMetricsRequests(() => aggregator.clusterMetrics());

  cluster.setupPrimary({ silent: false });
  const workerEnv = {
    DATABASE_URL: db.url,
    JWT_SECRET: jwtSecret,
    PORT: String(port),
    SEED_DEMO: '0',
    // Decided here as a single process would decide it (the sandbox on the embedded database).
    PAYMENT_PROVIDER: chooseProvider(env, db.embedded !== null),
    // Served once, by this process, for all of them.
    METRICS_PORT: '',
  };
  let isStopping = false;
  const startedAt = new Map<number, number>();
  // A message to a worker that has just died fails (EPIPE); Node reports it on the worker, and unheard it would end
  // this process, and with it every worker. Replies of the shared rate limits and metrics may be in flight.
  cluster.on('fork', (worker) => {
    worker.on('error', (error: Error) => logger.warn({ err: error, pid: worker.process.pid }, 'could not reach an API process'));
  });
  const fork = (): Worker => {
    const worker = cluster.fork(workerEnv);
    startedAt.set(worker.id, Date.now());
    return worker;
  };
  /** Deaths soon after a start in a row: a start that keeps failing is retried ever more slowly (up to 30 s). */
  let quickDeaths = 0;

  const ready = new Promise<void>((resolveReady, reject) => {
    let listening = 0;
    cluster.on('message', (_worker, message: unknown) => {
      if ((message as { canteen?: string } | null)?.canteen === 'listening' && ++listening === processes) resolveReady();
    });
    cluster.on('exit', (worker, code, signal) => {
      if (isStopping) return;
      if (listening < processes) {
        reject(new Error(`an API process exited during its start (${signal ?? `exit code ${code}`})`));
        return;
      }
      const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
      startedAt.delete(worker.id);
      quickDeaths = lived < START_GRACE_MS ? quickDeaths + 1 : 0;
      const delayMs = quickDeaths === 0 ? 0 : Math.min(30_000, 1_000 * 2 ** (quickDeaths - 1));
      logger.error({ pid: worker.process.pid, code, signal, livedMs: lived, delayMs }, 'an API process died; starting another');
      setTimeout(fork, delayMs).unref();
    });
  });
  for (let i = 0; i < processes; i++) fork();

  try {
    await ready;
  } catch (error) {
    isStopping = true;
    await stopWorkers();
    await db.embedded?.stop().catch(() => {});
    process.stderr.write(`\nCanteen could not start: ${(error as Error).message}\n\n`);
    process.exit(1);
  }

  const metricsServer: ServerType | null =
    env.METRICS_PORT === undefined
      ? null
      : serve({
          fetch: new Hono().get('/metrics', async (c) => {
            c.header('Cache-Control', 'no-store');
            return c.body(await aggregator.clusterMetrics(), 200, { 'Content-Type': aggregator.contentType });
          }).fetch,
          port: env.METRICS_PORT,
          hostname: env.METRICS_HOST,
        });

  if (env.METRICS_PORT === undefined && env.NODE_ENV === 'production' && !env.METRICS_TOKEN) {
    logger.warn('GET /metrics is off: set METRICS_TOKEN (a bearer token) or METRICS_PORT (a port of its own)');
  }
  const url = `http://localhost:${port}`;
  logger.info(
    {
      url,
      processes,
      sharedLimits: limiterMaster !== null,
      database: db.embedded ? 'embedded' : 'DATABASE_URL',
      redis: Boolean(env.REDIS_URL),
    },
    'Canteen is ready',
  );
  if (db.embedded) {
    process.stdout.write(
      `\n  Canteen is running at ${url} (${processes} processes)\n\n  Demo logins (password ${DEMO_PASSWORD}):\n` +
        DEMO_LOGINS.map((login) => `    ${login.role.padEnd(9)} ${login.email}\n`).join('') +
        '\n',
    );
  }

  const stop = (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    logger.info({ signal }, 'draining');
    metricsServer?.close();
    setTimeout(() => process.exit(1), STOP_TIMEOUT_MS).unref();
    void stopWorkers()
      .then(() => db.embedded?.stop())
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      });
  };
  releaseEmbeddedSignalHandlers();
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
};
