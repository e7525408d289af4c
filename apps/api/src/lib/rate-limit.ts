import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../errors';

export type RateLimits = {
  /** Throws TOO_MANY_REQUESTS (reason RATE_LIMITED) once `key` has used its budget. */
  consume: (bucket: 'login' | 'api', key: string) => Promise<void>;
};

/** In process memory by default; in Redis when a client is given, so every API process shares the budget. */
export const createRateLimits = (limits: { loginPerMinute: number; apiPerMinute: number }, redis?: Redis): RateLimits => {
  const make = (keyPrefix: string, points: number): RateLimiterAbstract =>
    redis
      ? new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `canteen:rl:${keyPrefix}`,
          points,
          duration: 60,
          useRedisPackage: false,
        })
      : new RateLimiterMemory({ keyPrefix, points, duration: 60 });
  const limiters = { login: make('login', limits.loginPerMinute), api: make('api', limits.apiPerMinute) };
  return {
    async consume(bucket, key) {
      try {
        await limiters[bucket].consume(key);
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          const seconds = Math.ceil(error.msBeforeNext / 1000);
          throw new AppError('TOO_MANY_REQUESTS', `Too many attempts. Try again in ${seconds} s.`, { reason: 'RATE_LIMITED' });
        }
        throw error;
      }
    },
  };
};
