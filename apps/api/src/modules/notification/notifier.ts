import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { kysely, newId, recordLiveEvents } from '@canteen/db';
import type { LiveEvent, NotificationKind, NotificationPayload } from '@canteen/shared';
import type { Jobs } from '../../lib/jobs';

/** What email a person gets when they never chose: the money matters, the kitchen's "ready" is in the app. */
export const DEFAULT_EMAIL_KINDS: readonly NotificationKind[] = [
  'order_refunded',
  'top_up_succeeded',
  'top_up_failed',
  'balance_low',
];

export type NewNotification = { userId: string; kind: NotificationKind; payload: NotificationPayload };

/**
 * Tells people things (docs/PRODUCT.md §4b): the notification rows, a live event so their bell updates at once, and
 * an email job for each person who wants that kind by email, all in the caller's transaction: nothing is told about
 * a change that did not commit, and nothing committed goes untold.
 */
export type Notifier = {
  isEmailAvailable: boolean;
  notify: (em: EntityManager, notifications: readonly NewNotification[]) => Promise<void>;
};

export const createNotifier = ({ jobs, isEmailAvailable }: { jobs: Jobs; isEmailAvailable: boolean }): Notifier => ({
  isEmailAvailable,
  async notify(em, notifications) {
    if (notifications.length === 0) return;
    const rows = notifications.map((notification) => ({ id: newId(), ...notification }));
    const at = new Date();
    await kysely(em)
      .insertInto('Notification')
      .values(
        rows.map((row) => ({
          id: row.id,
          createdAt: at,
          updatedAt: at,
          user: row.userId,
          kind: row.kind,
          payload: row.payload,
          readAt: null,
          emailedAt: null,
        })),
      )
      .execute();
    await recordLiveEvents(
      em,
      [...new Set(rows.map((row) => row.userId))].map((userId) => ({
        audience: 'user' as const,
        userId,
        payload: { type: 'notification' } satisfies LiveEvent,
      })),
    );
    if (!isEmailAvailable) return;
    // Who wants which kind by email: their settings, or the defaults when they never chose.
    const { rows: wanted } = await sql<{ id: string }>`
      select n.id from unnest(${rows.map((row) => row.id)}::uuid[], ${rows.map((row) => row.userId)}::uuid[],
        ${rows.map((row) => row.kind)}::notification_kind[]) as n(id, user_id, kind)
      left join notification_settings s on s.user_id = n.user_id
      where n.kind = any(coalesce(s.email_kinds, ${[...DEFAULT_EMAIL_KINDS]}::notification_kind[]))`.execute(kysely(em));
    for (const { id } of wanted) await jobs.send('notification-email', { notificationId: id }, { em });
  },
});

/** The person's low-balance threshold, or null (never asked). */
export const lowBalanceThreshold = async (em: EntityManager, userId: string): Promise<number | null> => {
  const row = await kysely(em)
    .selectFrom('NotificationSettings')
    .select('lowBalanceCents')
    .where('user', '=', userId)
    .executeTakeFirst();
  return row?.lowBalanceCents ?? null;
};
