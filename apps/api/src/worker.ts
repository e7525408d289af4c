import { loadEnv } from './env';
import { openDatabase, resolveJwtSecret } from './database';
import { startJobs } from './lib/jobs';
import { createLogger } from './logger';
import { createPayments } from './modules/payment/payment.config';
import { workPaymentJobs } from './modules/payment/payment.service';
import { retentionPolicy, workRetentionJobs } from './modules/retention/retention.service';

/**
 * The job runner on its own: `JOBS=off` API processes only send jobs, and one or more of these work them
 * (`pnpm --filter @canteen/api worker`, or `node dist/worker.js`). It needs the same DATABASE_URL, JWT_SECRET
 * (or SANDBOX_WEBHOOK_SECRET) as the API, and SANDBOX_WEBHOOK_URL when the sandbox provider is in use.
 */
const env = loadEnv();
const logger = createLogger(env.LOG_LEVEL).child({ process: 'worker' });
if (!env.DATABASE_URL) {
  process.stderr.write('The worker needs DATABASE_URL: the embedded database belongs to the API process (JOBS=in-process).\n');
  process.exit(1);
}
const db = await openDatabase(env, logger);
const jobs = await startJobs({ connectionString: db.url, logger });
const payments = createPayments({ env, jobs, jwtSecret: resolveJwtSecret(env, false), isEmbedded: false, selfUrl: () => null });
await workPaymentJobs(() => db.orm.em.fork(), payments);
await workRetentionJobs(jobs, { forkEm: () => db.orm.em.fork(), policy: retentionPolicy(env), logger });
logger.info({ provider: payments.provider?.name ?? 'off' }, 'worker is working the job queue');

const stop = async (signal: string) => {
  logger.info({ signal }, 'worker stopping');
  await jobs.stop();
  await db.orm.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
