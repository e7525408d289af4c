import type { EntityManager } from '@mikro-orm/postgresql';
import { PgBoss, fromKysely } from 'pg-boss';
import { kysely } from '@canteen/db';
import type { Logger } from '../logger';

/**
 * Deferred work on pg-boss, a job queue kept in PostgreSQL (schema `pgboss`): jobs survive restarts, and every
 * API process (or a separate `worker` process) can work them; a job is handed to one worker at a time
 * (SKIP LOCKED). See docs/adr/0008-payments-and-jobs.md.
 */
export type JobPayloads = {
  /** Expire an abandoned checkout once its time is up. */
  'payment-expire': { paymentId: string };
  /** The sandbox provider delivering one signed webhook to the API, retried with backoff on non-2xx. */
  'sandbox-webhook': { body: string };
  /** Nightly: old audit entries anonymised or deleted, expired sessions and reset links purged. */
  retention: Record<string, never>;
  /** Every five minutes: live events older than the replay window deleted (docs/adr/0014-kitchen-and-live-events.md). */
  'live-events-prune': Record<string, never>;
  /** One notification by email (docs/PRODUCT.md §4b), retried with backoff while the SMTP server refuses. */
  'notification-email': { notificationId: string };
  /** At the end of the canteen's day: orders still open are flagged for a manager. */
  'orders-uncollected': Record<string, never>;
};
export type JobName = keyof JobPayloads;
export const JOB_NAMES = [
  'payment-expire',
  'sandbox-webhook',
  'retention',
  'live-events-prune',
  'notification-email',
  'orders-uncollected',
] as const satisfies readonly JobName[];

type QueueOptions = { retryLimit: number; retryDelay: number; retryBackoff: boolean; retryDelayMax?: number };

/** Retries per queue: webhooks back off as a provider's do (2 s, 4 s, 8 s … up to 10 minutes, 12 tries). */
const QUEUES: Record<JobName, QueueOptions> = {
  'payment-expire': { retryLimit: 5, retryDelay: 5, retryBackoff: true },
  'sandbox-webhook': { retryLimit: 12, retryDelay: 2, retryBackoff: true, retryDelayMax: 600 },
  retention: { retryLimit: 3, retryDelay: 60, retryBackoff: true },
  'live-events-prune': { retryLimit: 1, retryDelay: 30, retryBackoff: false },
  'notification-email': { retryLimit: 8, retryDelay: 5, retryBackoff: true, retryDelayMax: 900 },
  'orders-uncollected': { retryLimit: 3, retryDelay: 60, retryBackoff: true },
};

export type SendOptions = {
  startAfter?: Date;
  /** Enqueue inside this em's transaction: the job exists only if the transaction commits. */
  em?: EntityManager;
};

export type Jobs = {
  send: <N extends JobName>(name: N, data: JobPayloads[N], options?: SendOptions) => Promise<void>;
  /** Registers the handler of a queue in this process; a thrown error fails the attempt and schedules a retry. */
  work: <N extends JobName>(name: N, handler: (data: JobPayloads[N]) => Promise<void>) => Promise<void>;
  /** Sends `name` on a cron schedule (in `tz`, UTC by default); every process may declare it, pg-boss keeps one schedule. */
  schedule: (name: JobName, cron: string, tz?: string) => Promise<void>;
  /** Jobs of a queue that are due and not yet started (pg-boss's cached counts, refreshed every minute or so). */
  backlog: (name: JobName) => Promise<number>;
  stop: () => Promise<void>;
};

export type JobsConfig = {
  connectionString: string;
  logger: Logger;
  /** How often an idle worker looks for due jobs. */
  pollingIntervalSeconds?: number;
  schema?: string;
};

/** Starts pg-boss (creating or migrating its schema) and the queues; sending works before any `work()`. */
export const startJobs = async ({
  connectionString,
  logger,
  pollingIntervalSeconds = 2,
  schema = 'pgboss',
}: JobsConfig): Promise<Jobs> => {
  const boss = new PgBoss({ connectionString, schema, max: 4, application_name: 'canteen-jobs' });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const [name, options] of Object.entries(QUEUES)) await boss.createQueue(name, options);
  return {
    async send(name, data, options = {}) {
      await boss.send(name, data, {
        ...(options.startAfter ? { startAfter: options.startAfter } : {}),
        ...(options.em ? { db: fromKysely(kysely(options.em)) } : {}),
      });
    },
    async work(name, handler) {
      await boss.work<JobPayloads[typeof name]>(name, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
        if (!job) return;
        try {
          await handler(job.data);
        } catch (error) {
          logger.warn({ err: error, job: name, jobId: job.id, retry: job.retryCount }, 'job failed; it will be retried');
          throw error;
        }
      });
    },
    async schedule(name, cron, tz = 'UTC') {
      await boss.schedule(name, cron, {}, { tz });
    },
    async backlog(name) {
      const queue = await boss.getQueue(name);
      return queue ? Math.max(0, queue.queuedCount - queue.deferredCount) : 0;
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000, close: true });
    },
  };
};
