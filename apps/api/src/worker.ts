import { loadEnv } from './env';
import { openDatabase, resolveJwtSecret } from './database';
import { startJobs } from './lib/jobs';
import { createLogger } from './logger';
import { createMailer, moneyFormatter } from './lib/mail';
import { createUnsubscribeTokens, workNotificationEmails } from './modules/notification/notification.emails';
import { createNotifier } from './modules/notification/notifier';
import { workOrderJobs } from './modules/order/order.jobs';
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
const jwtSecret = resolveJwtSecret(env, false);
const payments = createPayments({ env, jobs, jwtSecret, isEmbedded: false, selfUrl: () => null });
payments.notifier = createNotifier({ jobs, isEmailAvailable: env.SMTP_URL !== undefined });
if (env.SMTP_URL) {
  await workNotificationEmails(jobs, () => db.orm.em.fork(), {
    mailer: createMailer({ url: env.SMTP_URL, from: env.MAIL_FROM }),
    tokens: createUnsubscribeTokens(jwtSecret),
    publicUrl: () => env.PUBLIC_URL ?? 'http://localhost:3000',
    money: moneyFormatter(env.CANTEEN_CURRENCY),
    logger,
  });
}
await workPaymentJobs(() => db.orm.em.fork(), payments);
await workRetentionJobs(jobs, { forkEm: () => db.orm.em.fork(), policy: retentionPolicy(env), logger });
await workOrderJobs(jobs, { forkEm: () => db.orm.em.fork(), timeZone: env.CANTEEN_TIME_ZONE, logger });
logger.info({ provider: payments.provider?.name ?? 'off' }, 'worker is working the job queue');

const stop = async (signal: string) => {
  logger.info({ signal }, 'worker stopping');
  await jobs.stop();
  await db.orm.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
