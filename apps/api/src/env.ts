import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';

const flag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');

/** The only reader of process.env in the API. Invalid configuration fails the boot. */
export const loadEnv = (source: Record<string, string | undefined> = process.env) =>
  createEnv({
    server: {
      NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
      PORT: z.coerce.number().int().min(1).max(65535).default(3000),
      HOST: z.string().default('127.0.0.1'),
      LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
      DATABASE_URL: z.url().optional(),
      DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
      DATA_DIR: z.string().default('.data'),
      EMBEDDED_PG_PORT: z.coerce
        .number()
        .int()
        .min(1024)
        .max(65535)
        .refine((port) => port !== 5432, {
          message: 'The embedded PostgreSQL never takes 5432; pick another port',
        })
        .default(5488),
      REDIS_URL: z.url().optional(),
      SEED_DEMO: flag.optional(),
      JWT_SECRET: z.string().min(32).optional(),
      ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(600),
      REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
      COOKIE_SECURE: flag.optional(),
      TRUSTED_ORIGINS: z.string().optional(),
      TRUST_PROXY: flag.default(false),
      RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).default(20),
      RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
      WEB_DIST: z.string().optional(),
      BOOTSTRAP_ADMIN_EMAIL: z.email().optional(),
      BOOTSTRAP_ADMIN_PASSWORD: z.string().min(12).optional(),
    },
    runtimeEnv: source,
    emptyStringAsUndefined: true,
  });

export type Env = ReturnType<typeof loadEnv>;
