import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { createApp } from './app';
import { openDatabase, resolveJwtSecret, seedIfWanted, type Database } from './database';
import type { Deps } from './deps';
import type { Env } from './env';
import { createLoginGuard } from './lib/login-guard';
import { createMemoryMenuCache, createRedisMenuCache } from './lib/menu-cache';
import { createRateLimits } from './lib/rate-limit';
import { createSettingsStore } from './lib/settings';
import { createTokenSigner } from './lib/tokens';
import type { Logger } from './logger';

export type Runtime = { db: Database; app: ReturnType<typeof createApp>; redis: Redis | null; close: () => Promise<void> };

/** Everything main.ts and the benchmarks need: database, migrations, seed, deps and the app. */
export const startRuntime = async (env: Env, logger: Logger): Promise<Runtime> => {
  const db = await openDatabase(env, logger);
  await seedIfWanted(db, env, logger);
  const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2, enableOfflineQueue: true }) : null;
  const deps: Deps = {
    tokens: createTokenSigner(resolveJwtSecret(env, db.embedded !== null), env.ACCESS_TOKEN_TTL_SECONDS),
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
    menuCache: redis ? await createRedisMenuCache(redis) : createMemoryMenuCache(),
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
  });
  return {
    db,
    app,
    redis,
    close: async () => {
      await deps.menuCache.close();
      await db.orm.close();
      await redis?.quit();
      await db.embedded?.stop();
    },
  };
};
