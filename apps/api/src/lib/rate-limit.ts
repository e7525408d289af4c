import type { Redis } from 'ioredis';
import cluster from 'node:cluster';
import {
  RateLimiterCluster,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { AppError, serviceUnavailable } from '../errors';

/**
 * - `login`: password-reset attempts per client address (sign-in failures are counted by login-guard.ts).
 * - `api`: tRPC procedure calls per client address (a batch of 20 costs 20 points).
 * - `mutation`: mutation calls per signed-in user, wherever they come from.
 */
export type RateLimitBucket = 'login' | 'api' | 'mutation';

export type RateLimits = {
  /** Throws a RateLimitedError (TOO_MANY_REQUESTS, reason RATE_LIMITED) once `key` has used its budget; `points` defaults to 1. */
  consume: (bucket: RateLimitBucket, key: string, points?: number) => Promise<void>;
};

export type RateLimitBudgets = { loginPerMinute: number; apiPerMinute: number; mutationsPerMinute: number };

/** A refused call: TOO_MANY_REQUESTS with reason RATE_LIMITED, and when the budget refills. */
export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', `Too many attempts. Try again in ${retryAfterSeconds} s.`, { reason: 'RATE_LIMITED' });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Where a limiter keeps its counts: this process's memory (or the cluster primary's), or Redis (shared by every API process) with a key prefix. */
export type LimiterStore = { redis?: Redis | undefined; prefix: string };

/** One rate-limiter-flexible limiter: `points` per `durationSeconds`, in memory or in Redis. */
export const createLimiter = (
  store: LimiterStore,
  { keyPrefix, points, durationSeconds }: { keyPrefix: string; points: number; durationSeconds: number },
): RateLimiterAbstract => {
  if (store.redis) {
    return new RateLimiterRedis({
      storeClient: store.redis,
      keyPrefix: `${store.prefix}:${keyPrefix}`,
      points,
      duration: durationSeconds,
      useRedisPackage: false,
    });
  }
  // A worker of API_PROCESSES > 1 without Redis: the counts live in the primary (primary.ts), shared by all workers.
  if (cluster.isWorker) {
    return new RateLimiterCluster({
      keyPrefix: `${store.prefix}:${keyPrefix}`,
      points,
      duration: durationSeconds,
      timeoutMs: 3_000,
    });
  }
  return new RateLimiterMemory({ keyPrefix: `${store.prefix}:${keyPrefix}`, points, duration: durationSeconds });
};

/**
 * In process memory by default; in Redis when a client is given, so every API process shares the budget.
 * `redisPrefix` names the keys (tests give each run its own).
 */
export const createRateLimits = (limits: RateLimitBudgets, redis?: Redis, redisPrefix = 'canteen:rl'): RateLimits => {
  const make = (keyPrefix: string, points: number) =>
    createLimiter({ redis, prefix: redisPrefix }, { keyPrefix, points, durationSeconds: 60 });
  const limiters: Record<RateLimitBucket, RateLimiterAbstract> = {
    login: make('login', limits.loginPerMinute),
    api: make('api', limits.apiPerMinute),
    mutation: make('mutation', limits.mutationsPerMinute),
  };
  return {
    async consume(bucket, key, points = 1) {
      try {
        await limiters[bucket].consume(key, points);
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          throw new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
        }
        // The store cannot answer (Redis down, the cluster primary too slow): a 503 to retry, not a 500.
        throw serviceUnavailable(error);
      }
    },
  };
};
