import type { EntityManager } from '@mikro-orm/postgresql';
import { pruneLiveEvents, purgeExpiredResets, purgeExpiredSessions, retireAuditEntries, runWithAudit } from '@canteen/db';
import type { Env } from '../../env';
import type { Jobs } from '../../lib/jobs';
import type { Logger } from '../../logger';
import { recordAuditEvent } from '../audit/audit.service';

export type RetentionPolicy = {
  /** Audit entries older than this many days are anonymised (or deleted). */
  auditDays: number;
  auditMode: 'anonymise' | 'delete';
  /** Sessions and reset links are kept this many days after they expire, then purged. */
  expiredGraceDays: number;
};

const DAY_MS = 86_400_000;

export const retentionPolicy = (env: Env): RetentionPolicy => ({
  auditDays: env.AUDIT_RETENTION_DAYS,
  auditMode: env.AUDIT_RETENTION_MODE,
  expiredGraceDays: env.EXPIRED_TOKEN_GRACE_DAYS,
});

/**
 * One retention pass, in one transaction: old audit entries lose their personal details (or go), expired
 * sessions and reset links are purged; what it did is logged and recorded as one `system.retention` entry.
 */
export const runRetention = async (
  em: EntityManager,
  { policy, logger, now = new Date() }: { policy: RetentionPolicy; logger: Logger; now?: Date },
) =>
  runWithAudit({ actorId: null, action: 'system.retention', requestId: null, ip: null, userAgent: null }, () =>
    em.transactional(async (tx) => {
      const auditBefore = new Date(now.getTime() - policy.auditDays * DAY_MS);
      const expiredBefore = new Date(now.getTime() - policy.expiredGraceDays * DAY_MS);
      const done = {
        auditEntries: await retireAuditEntries(tx, { before: auditBefore, mode: policy.auditMode }),
        auditMode: policy.auditMode,
        sessions: await purgeExpiredSessions(tx, expiredBefore),
        resetLinks: await purgeExpiredResets(tx, expiredBefore),
      };
      await recordAuditEvent(tx, { action: 'system.retention', entity: 'System', after: done });
      logger.info({ job: 'retention', ...done }, 'retention done');
      return done;
    }),
  );

/** Every night at 03:17 UTC, worked by whichever process takes the job first. */
export const RETENTION_CRON = '17 3 * * *';

/**
 * How long live events are kept for a reconnecting screen to catch up (docs/adr/0014-kitchen-and-live-events.md);
 * a screen away longer is told to reload (`resync`).
 */
export const LIVE_REPLAY_SECONDS = 15 * 60;
export const LIVE_PRUNE_CRON = '*/5 * * * *';

export const workRetentionJobs = async (
  jobs: Jobs,
  { forkEm, policy, logger }: { forkEm: () => EntityManager; policy: RetentionPolicy; logger: Logger },
): Promise<void> => {
  await jobs.schedule('retention', RETENTION_CRON);
  await jobs.work('retention', async () => {
    await runRetention(forkEm(), { policy, logger });
  });
  await jobs.schedule('live-events-prune', LIVE_PRUNE_CRON);
  await jobs.work('live-events-prune', async () => {
    const deleted = await pruneLiveEvents(forkEm(), LIVE_REPLAY_SECONDS);
    logger.debug({ job: 'live-events-prune', deleted }, 'live events pruned');
  });
};
