import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { type AppOptions, createApp } from './app';
import { openDatabase, pingDatabase, resolveJwtSecret, seedIfWanted, type Database } from './database';
import type { Deps } from './deps';
import type { Env } from './env';
import { createBus } from './lib/bus';
import { createLiveHub, createPgWaker, createRedisWaker } from './lib/live';
import { createLoginGuard } from './lib/login-guard';
import { createMemoryMenuCache, createRedisMenuCache } from './lib/menu-cache';
import { createRateLimits } from './lib/rate-limit';
import { createRecentWrites } from './lib/replica';
import { createSettingsStore } from './lib/settings';
import { JOB_NAMES, startJobs } from './lib/jobs';
import { observeJobBacklog, observeReadiness } from './lib/metrics';
import { createTokenSigner } from './lib/tokens';
import { createUserCache } from './lib/user-cache';
import { createMailer, moneyFormatter } from './lib/mail';
import { createUnsubscribeTokens, workNotificationEmails } from './modules/notification/notification.emails';
import { createNotifier } from './modules/notification/notifier';
import { workOrderJobs } from './modules/order/order.jobs';
import { createPayments } from './modules/payment/payment.config';
import { workPaymentJobs } from './modules/payment/payment.service';
import { retentionPolicy, workRetentionJobs } from './modules/retention/retention.service';
import type { Logger } from './logger';

export type Runtime = {
  db: Database;
  app: ReturnType<typeof createApp>;
  redis: Redis | null;
  /** Ends the live-event streams so a draining server is not held open by them (clients reconnect elsewhere). */
  endStreams: () => void;
  /** Tells the runtime where it listens (the sandbox delivers its webhooks there unless configured). */
  setListenUrl: (url: string) => void;
  close: () => Promise<void>;
};

/**
 * Where GET /metrics answers on the app's port: behind METRICS_TOKEN when set; nowhere when METRICS_PORT serves
 * it on its own port; open in development and tests; off in production without a token.
 */
export const metricsMode = (env: Env): NonNullable<AppOptions['metrics']> => {
  if (env.METRICS_PORT !== undefined) return { kind: 'off' };
  if (env.METRICS_TOKEN) return { kind: 'token', token: env.METRICS_TOKEN };
  return env.NODE_ENV === 'production' ? { kind: 'off' } : { kind: 'open' };
};

/** Everything main.ts and the benchmarks need: database, migrations, seed, deps and the app. */
export const startRuntime = async (env: Env, logger: Logger): Promise<Runtime> => {
  const db = await openDatabase(env, logger);
  await seedIfWanted(db, env, logger);
  const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2, enableOfflineQueue: true }) : null;
  const jwtSecret = resolveJwtSecret(env, db.embedded !== null);
  // Cache notices between processes: Redis, or the cluster's primary (API_PROCESSES > 1), or none.
  const bus = await createBus(redis);
  const jobs = await startJobs({ connectionString: db.url, logger });
  let listenUrl: string | null = null;
  const payments = createPayments({ env, jobs, jwtSecret, isEmbedded: db.embedded !== null, selfUrl: () => listenUrl });
  // Notifications: in the app always; by email when SMTP_URL is set.
  const notifier = createNotifier({ jobs, isEmailAvailable: env.SMTP_URL !== undefined });
  payments.notifier = notifier;
  const unsubscribeTokens = createUnsubscribeTokens(jwtSecret);
  const mailer = env.SMTP_URL ? createMailer({ url: env.SMTP_URL, from: env.MAIL_FROM }) : null;
  const deps: Deps = {
    tokens: createTokenSigner(jwtSecret, env.ACCESS_TOKEN_TTL_SECONDS),
    users: createUserCache({ bus }),
    rateLimits: createRateLimits(
      {
        loginPerMinute: env.RATE_LIMIT_LOGIN_PER_MINUTE,
        apiPerMinute: env.RATE_LIMIT_API_PER_MINUTE,
        mutationsPerMinute: env.RATE_LIMIT_MUTATIONS_PER_MINUTE,
      },
      redis ?? undefined,
    ),
    loginGuard: createLoginGuard(
      { failuresPerAddressPerDay: env.LOGIN_FAILURES_PER_ADDRESS_PER_DAY, failuresPerAccount: env.LOGIN_FAILURES_PER_ACCOUNT },
      redis ?? undefined,
    ),
    settings: createSettingsStore(),
    refreshTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    menuCache: redis ? await createRedisMenuCache(redis) : createMemoryMenuCache(bus),
    payments,
    recentWrites: env.DATABASE_REPLICA_URLS.length > 0 ? createRecentWrites(redis ?? undefined) : null,
    // Live events cross processes through Redis pub/sub, or PostgreSQL LISTEN/NOTIFY without Redis.
    live: createLiveHub({
      forkEm: () => db.orm.em.fork(),
      waker: redis ? await createRedisWaker(redis) : createPgWaker(db.url, logger),
      logger,
    }),
    notifier,
    unsubscribeTokens,
    canteen: {
      name: env.CANTEEN_NAME,
      address: env.CANTEEN_ADDRESS,
      currency: env.CANTEEN_CURRENCY,
      timeZone: env.CANTEEN_TIME_ZONE,
    },
    limits: {
      orderMaxTotalCents: env.ORDER_MAX_TOTAL_CENTS,
      managerDailyCreditLimitCents: env.MANAGER_DAILY_CREDIT_LIMIT_CENTS,
    },
  };
  const here = dirname(fileURLToPath(import.meta.url));
  const app = createApp({
    orm: db.orm,
    logger,
    deps,
    cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
    trustProxy: env.TRUST_PROXY,
    publicOrigin: env.PUBLIC_URL,
    compressMinBytes: env.COMPRESS_MIN_BYTES,
    trustedOrigins:
      env.TRUSTED_ORIGINS?.split(',')
        .map((o) => o.trim())
        .filter(Boolean) ?? [],
    webDist: env.WEB_DIST ?? resolve(here, '../../web/dist'),
    metrics: metricsMode(env),
  });
  observeJobBacklog([...JOB_NAMES], jobs.backlog);
  if (env.DATABASE_REPLICA_URLS.length > 0 && !redis) {
    logger.warn(
      'DATABASE_REPLICA_URLS without REDIS_URL: each process knows only its own writers, so behind a load balancer a ' +
        "person's read right after a change may come from a replica that has not seen it",
    );
  }
  observeReadiness(() => pingDatabase(db.orm));
  if (env.JOBS === 'in-process') {
    await workPaymentJobs(() => db.orm.em.fork(), payments);
    await workRetentionJobs(jobs, { forkEm: () => db.orm.em.fork(), policy: retentionPolicy(env), logger });
    await workOrderJobs(jobs, { forkEm: () => db.orm.em.fork(), timeZone: env.CANTEEN_TIME_ZONE, logger });
    if (mailer) {
      await workNotificationEmails(jobs, () => db.orm.em.fork(), {
        mailer,
        tokens: unsubscribeTokens,
        publicUrl: () => env.PUBLIC_URL ?? listenUrl ?? 'http://localhost:3000',
        money: moneyFormatter(env.CANTEEN_CURRENCY),
        logger,
      });
    }
  }
  logger.info({ provider: payments.provider?.name ?? 'off', jobs: env.JOBS }, 'card top-ups');
  return {
    db,
    app,
    redis,
    endStreams: () => deps.live.endStreams(),
    setListenUrl: (url) => {
      listenUrl = url;
    },
    close: async () => {
      await jobs.stop();
      await deps.live.close();
      mailer?.close();
      await deps.menuCache.close();
      deps.users.close();
      await bus.close();
      await db.orm.close();
      await redis?.quit();
      await db.embedded?.stop();
    },
  };
};
