import type { EntityManager } from '@mikro-orm/postgresql';
import { SignJWT, jwtVerify } from 'jose';
import { Notification } from '@canteen/db';
import type { NotificationKind, NotificationPayload } from '@canteen/shared';
import type { Jobs } from '../../lib/jobs';
import type { Logger } from '../../logger';
import type { Mailer } from '../../lib/mail';

const AUDIENCE = 'canteen-unsubscribe';

/** The signed link in every email that turns a person's email off without signing in (it never expires). */
export type UnsubscribeTokens = { sign: (userId: string) => Promise<string>; verify: (token: string) => Promise<string | null> };

export const createUnsubscribeTokens = (secret: string): UnsubscribeTokens => {
  const key = new TextEncoder().encode(`${secret}:unsubscribe`);
  return {
    sign: (userId) =>
      new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setAudience(AUDIENCE).setIssuedAt().sign(key),
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience: AUDIENCE });
        return typeof payload.sub === 'string' ? payload.sub : null;
      } catch {
        return null;
      }
    },
  };
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const orderNumber = (id: string | undefined) => (id ? `#${id.replace(/-/g, '').slice(-8).toUpperCase()}` : '');

/** The words of each kind, in English (the server does not know the reader's language); the app words them itself. */
export const describe = (
  kind: NotificationKind,
  payload: NotificationPayload,
  money: (cents: number) => string,
): { subject: string; body: string; path: string } => {
  const amount = money(payload.amountCents ?? 0);
  switch (kind) {
    case 'order_ready':
      return {
        subject: `Your order ${orderNumber(payload.orderId)} is ready`,
        body: 'Collect it at the counter and show the receipt.',
        path: `/orders/${payload.orderId}`,
      };
    case 'order_cancelled':
      return {
        subject: `Order ${orderNumber(payload.orderId)} cancelled`,
        body: `${amount} went back to your wallet.`,
        path: `/orders/${payload.orderId}`,
      };
    case 'order_refunded':
      return {
        subject: `Order ${orderNumber(payload.orderId)} refunded`,
        body: `${amount} went back to your wallet.${payload.reason ? ` Reason: ${payload.reason}` : ''}`,
        path: `/orders/${payload.orderId}`,
      };
    case 'top_up_succeeded':
      return { subject: `${amount} added to your wallet`, body: 'Your card top-up went through.', path: '/wallet' };
    case 'top_up_failed':
      return {
        subject: `Your top-up of ${amount} did not go through`,
        body: 'Nothing was charged. You can try again from your wallet.',
        path: '/wallet',
      };
    case 'news_post':
      return {
        subject: `New in ${payload.blogName ?? 'the news'}${payload.postTitle ? `: ${payload.postTitle}` : ''}`,
        body: 'A channel you follow has a new post.',
        path: `/news/${payload.postId}`,
      };
    case 'balance_low':
    default:
      return {
        subject: `Your balance is ${money(payload.balanceCents ?? 0)}`,
        body: `It went below the ${money(payload.thresholdCents ?? 0)} you asked to be told about.`,
        path: '/wallet',
      };
  }
};

export type EmailConfig = {
  mailer: Mailer;
  tokens: UnsubscribeTokens;
  /** Where links point: PUBLIC_URL, or this process's own address. */
  publicUrl: () => string;
  money: (cents: number) => string;
  logger: Logger;
};

/**
 * The `notification-email` job: one notification by email, with a link to it in the app and an unsubscribe link
 * (also as List-Unsubscribe). A failed send throws and is retried with backoff; a notification already emailed,
 * or whose person has turned email off meanwhile, is not sent again.
 */
export const sendNotificationEmail = async (em: EntityManager, config: EmailConfig, notificationId: string): Promise<void> => {
  const notification = await em.findOne(Notification, notificationId, { populate: ['user'] });
  if (!notification || notification.emailedAt) return;
  const user = notification.user.getEntity();
  if (!user.isActive || user.anonymizedAt) return;
  const base = config.publicUrl().replace(/\/$/, '');
  const words = describe(notification.kind, notification.payload, config.money);
  const unsubscribe = `${base}/unsubscribe?token=${encodeURIComponent(await config.tokens.sign(user.id))}`;
  const link = `${base}${words.path}`;
  await config.mailer.send({
    to: user.email,
    subject: words.subject,
    text: `${words.body}\n\n${link}\n\nStop these emails: ${unsubscribe}\n`,
    html: `<p>${escapeHtml(words.body)}</p><p><a href="${escapeHtml(link)}">Open Canteen</a></p><p style="color:#666;font-size:12px"><a href="${escapeHtml(unsubscribe)}">Stop these emails</a></p>`,
    headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  });
  notification.emailedAt = new Date();
  await em.flush();
  config.logger.info({ notificationId, kind: notification.kind }, 'notification emailed');
};

export const workNotificationEmails = async (jobs: Jobs, forkEm: () => EntityManager, config: EmailConfig): Promise<void> => {
  await jobs.work('notification-email', ({ notificationId }) => sendNotificationEmail(forkEm(), config, notificationId));
};
