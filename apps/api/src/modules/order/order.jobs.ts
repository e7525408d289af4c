import type { EntityManager } from '@mikro-orm/postgresql';
import { kysely, runWithAudit } from '@canteen/db';
import { OPEN_STATUSES, dayIn } from '@canteen/shared';
import type { Jobs } from '../../lib/jobs';
import type { Logger } from '../../logger';
import { recordAuditEvent } from '../audit/audit.service';

/** Just before the canteen's day ends, in its time zone. */
export const UNCOLLECTED_CRON = '55 23 * * *';

/**
 * The end of the day at the counter: every order still placed, preparing or ready is flagged `uncollectedAt` for a
 * manager, who refunds it or hands it over late. Nothing is refunded by itself. Flagged orders leave the kitchen
 * display. Recorded as one `system.uncollected` audit entry with the count.
 */
export const flagUncollected = (em: EntityManager, { timeZone, now = new Date() }: { timeZone: string; now?: Date }) =>
  runWithAudit({ actorId: null, action: 'system.uncollected', requestId: null, ip: null, userAgent: null }, () =>
    em.transactional(async (tx) => {
      const flagged = await kysely(tx)
        .updateTable('Order')
        .set({ uncollectedAt: now, updatedAt: now })
        .where('status', 'in', OPEN_STATUSES)
        .where('uncollectedAt', 'is', null)
        .where('createdAt', '<=', now)
        // Pre-orders for a later day are not due yet.
        .where('pickupDay', '<=', dayIn(now, timeZone))
        .returning('id')
        .execute();
      await recordAuditEvent(tx, {
        action: 'system.uncollected',
        entity: 'System',
        after: { flagged: flagged.length, orderIds: flagged.slice(0, 200).map((row) => row.id) },
      });
      return flagged.length;
    }),
  );

export const workOrderJobs = async (
  jobs: Jobs,
  { forkEm, timeZone, logger }: { forkEm: () => EntityManager; timeZone: string; logger: Logger },
): Promise<void> => {
  await jobs.schedule('orders-uncollected', UNCOLLECTED_CRON, timeZone);
  await jobs.work('orders-uncollected', async () => {
    const flagged = await flagUncollected(forkEm(), { timeZone });
    logger.info({ job: 'orders-uncollected', flagged }, 'uncollected orders flagged');
  });
};
