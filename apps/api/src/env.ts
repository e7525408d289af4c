import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';
import {
  DEFAULT_MANAGER_DAILY_CREDIT_LIMIT_CENTS,
  DEFAULT_ORDER_MAX_TOTAL_CENTS,
  DEFAULT_TOP_UP_DAILY_LIMIT_CENTS,
  DEFAULT_TOP_UP_MAX_CENTS,
  DEFAULT_TOP_UP_MIN_CENTS,
  MAX_TOP_UP_CENTS,
} from '@canteen/shared/constants';
import { CurrencySchema, TimeZoneSchema } from '@canteen/shared';

/** The HTTP port when PORT is unset. */
export const DEFAULT_PORT = 3000;

const flag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');

/** The only reader of process.env in the API. Invalid configuration fails the boot. */
export const loadEnv = (source: Record<string, string | undefined> = process.env) =>
  createEnv({
    server: {
      NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
      /** Unset: DEFAULT_PORT, or the next free port when that one is taken. Set: exactly this port, or a clear failure. */
      PORT: z.coerce.number().int().min(1).max(65535).optional(),
      HOST: z.string().default('127.0.0.1'),
      LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
      DATABASE_URL: z.url().optional(),
      DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
      /**
       * Streaming replicas of DATABASE_URL, comma-separated: reports and lists read them (not the menu's cache
       * loads, not anything exact); a person's reads stay on the primary for 10 s after each change they make.
       */
      DATABASE_REPLICA_URLS: z
        .string()
        .default('')
        .transform((value) =>
          value
            .split(',')
            .map((url) => url.trim())
            .filter(Boolean),
        )
        .pipe(z.array(z.url())),
      DATA_DIR: z.string().default('.data'),
      /** Preferred; when another program holds it, the embedded server takes the next free port. */
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
      MANAGER_DAILY_CREDIT_LIMIT_CENTS: z.coerce
        .number()
        .int()
        .min(0)
        .max(100_000_000)
        .default(DEFAULT_MANAGER_DAILY_CREDIT_LIMIT_CENTS),
      /** tRPC procedure calls per client address (a batch of n calls costs n); an office behind one NAT shares it. */
      RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().min(1).default(3000),
      /** Mutation calls per signed-in user, whichever address they come from. */
      RATE_LIMIT_MUTATIONS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
      /** JSON answers at least this large are gzip-compressed for clients that accept it. */
      COMPRESS_MIN_BYTES: z.coerce.number().int().min(0).default(1024),
      /** The address people open, e.g. https://canteen.example.com: our own origin for the refresh Origin check. */
      PUBLIC_URL: z
        .url({ protocol: /^https?$/ })
        .transform((url) => new URL(url).origin)
        .optional(),
      LOGIN_FAILURES_PER_ADDRESS_PER_DAY: z.coerce.number().int().min(10).default(100),
      LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(10).default(50),
      ORDER_MAX_TOTAL_CENTS: z.coerce.number().int().min(100).max(10_000_000).default(DEFAULT_ORDER_MAX_TOTAL_CENTS),
      WEB_DIST: z.string().optional(),
      /** The canteen as people see it: on the printed receipt, in the app's title. */
      CANTEEN_NAME: z.string().min(1).max(120).default('Canteen'),
      /** Printed under the name on receipts and statements; one line, commas for line breaks. */
      CANTEEN_ADDRESS: z.string().max(300).default(''),
      /** The one currency of every amount (ISO 4217); changing it does not convert existing amounts. */
      CANTEEN_CURRENCY: CurrencySchema.default('EUR'),
      /** The time zone the canteen's days and times are shown in (IANA, e.g. Europe/Berlin). */
      CANTEEN_TIME_ZONE: TimeZoneSchema.default('UTC'),
      /** Email for notifications, e.g. smtp://user:password@mail.example.com:587 (smtps:// for TLS); unset: no email. */
      SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
      /** The sender of notification emails. */
      MAIL_FROM: z.string().min(3).max(200).default('Canteen <canteen@localhost>'),
      BOOTSTRAP_ADMIN_EMAIL: z.email().optional(),
      BOOTSTRAP_ADMIN_PASSWORD: z.string().min(12).optional(),
      /**
       * Card top-ups: `stripe` (needs the two Stripe keys), `sandbox` (a built-in test checkout, no real money) or
       * `off`. Unset: stripe when its keys are set; else sandbox on the embedded database or outside production.
       */
      PAYMENT_PROVIDER: z.enum(['sandbox', 'stripe', 'off']).optional(),
      STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
      STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
      /** For tests against a local stand-in of the Stripe API; never set in production. */
      STRIPE_API_BASE: z.url().optional(),
      /** Signs the sandbox's webhooks and checkout links; derived from the JWT secret when unset. */
      SANDBOX_WEBHOOK_SECRET: z.string().min(32).optional(),
      /** Where the sandbox delivers webhooks; unset: this process's own address (a worker process needs it set). */
      SANDBOX_WEBHOOK_URL: z.url().optional(),
      TOP_UP_MIN_CENTS: z.coerce.number().int().min(1).max(MAX_TOP_UP_CENTS).default(DEFAULT_TOP_UP_MIN_CENTS),
      TOP_UP_MAX_CENTS: z.coerce.number().int().min(1).max(MAX_TOP_UP_CENTS).default(DEFAULT_TOP_UP_MAX_CENTS),
      TOP_UP_DAILY_LIMIT_CENTS: z.coerce
        .number()
        .int()
        .min(1)
        .max(100 * MAX_TOP_UP_CENTS)
        .default(DEFAULT_TOP_UP_DAILY_LIMIT_CENTS),
      /** An unfinished checkout expires after this long (Stripe needs at least 30 minutes). */
      CHECKOUT_EXPIRY_MINUTES: z.coerce
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .default(30),
      /** Audit entries older than this lose their address, browser and snapshots (or are deleted), nightly. */
      AUDIT_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
      AUDIT_RETENTION_MODE: z.enum(['anonymise', 'delete']).default('anonymise'),
      /** Expired sessions and reset links are purged this many days after they expire. */
      EXPIRED_TOKEN_GRACE_DAYS: z.coerce.number().int().min(0).max(365).default(7),
      /**
       * GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>` when set. In production, /metrics on the app's
       * port is off unless this is set (or METRICS_PORT serves it on a port of its own).
       */
      METRICS_TOKEN: z.string().min(16).optional(),
      /** Serve /metrics (without a token) on this port instead of the app's: one the outside cannot reach. */
      METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
      /** The interface METRICS_PORT listens on; 0.0.0.0 in a container so Prometheus can reach it. */
      METRICS_HOST: z.string().default('127.0.0.1'),
      /**
       * Traces over OTLP/HTTP (e.g. http://otel-collector:4318): spans for requests, procedures and SQL. Unset:
       * tracing is off and costs nothing. The exporter also reads the other standard OTEL_EXPORTER_OTLP_* variables.
       */
      OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
      OTEL_SERVICE_NAME: z.string().default('canteen-api'),
      /**
       * API processes on the one port (Node's cluster module): unset, one per core in production and one otherwise.
       * Without Redis the primary shares rate limits, lockouts, cache notices and metrics between them.
       */
      API_PROCESSES: z.coerce.number().int().min(1).max(64).optional(),
      /** `in-process`: this API process also works the job queue; `off`: a separate `worker` process does. */
      JOBS: z.enum(['in-process', 'off']).default('in-process'),
    },
    runtimeEnv: source,
    emptyStringAsUndefined: true,
  });

export type Env = ReturnType<typeof loadEnv>;
