import type { EntityManager } from '@mikro-orm/postgresql';
import { SignJWT, jwtVerify } from 'jose';
import { Notification } from '@canteen/db';
import type { Language, NotificationKind, NotificationPayload } from '@canteen/shared';
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

type Words = { subject: string; body: string };
type Wording = {
  words: (kind: NotificationKind, payload: NotificationPayload, money: (cents: number) => string) => Words;
  open: string;
  stop: string;
};

/** Each kind's words in English. */
const english: Wording['words'] = (kind, payload, money) => {
  const amount = money(payload.amountCents ?? 0);
  const number = orderNumber(payload.orderId);
  switch (kind) {
    case 'order_ready':
      return { subject: `Your order ${number} is ready`, body: 'Collect it at the counter and show the receipt.' };
    case 'order_cancelled':
      return { subject: `Order ${number} cancelled`, body: `${amount} went back to your wallet.` };
    case 'order_refunded':
      return {
        subject: `Order ${number} refunded`,
        body: `${amount} went back to your wallet.${payload.reason ? ` Reason: ${payload.reason}` : ''}`,
      };
    case 'top_up_succeeded':
      return { subject: `${amount} added to your wallet`, body: 'Your card top-up went through.' };
    case 'top_up_failed':
      return {
        subject: `Your top-up of ${amount} did not go through`,
        body: 'Nothing was charged. You can try again from your wallet.',
      };
    case 'news_post':
      return {
        subject: `New in ${payload.blogName ?? 'the news'}${payload.postTitle ? `: ${payload.postTitle}` : ''}`,
        body: 'A channel you follow has a new post.',
      };
    case 'balance_low':
    default:
      return {
        subject: `Your balance is ${money(payload.balanceCents ?? 0)}`,
        body: `It went below the ${money(payload.thresholdCents ?? 0)} you asked to be told about.`,
      };
  }
};

/** Each kind's words in German, addressing the reader as "Sie" like the app's screens. */
const german: Wording['words'] = (kind, payload, money) => {
  const amount = money(payload.amountCents ?? 0);
  const number = orderNumber(payload.orderId);
  switch (kind) {
    case 'order_ready':
      return {
        subject: `Ihre Bestellung ${number} ist fertig`,
        body: 'Holen Sie sie an der Ausgabe ab und zeigen Sie den Beleg.',
      };
    case 'order_cancelled':
      return { subject: `Bestellung ${number} storniert`, body: `${amount} wurden Ihrem Guthaben wieder gutgeschrieben.` };
    case 'order_refunded':
      return {
        subject: `Bestellung ${number} erstattet`,
        body: `${amount} wurden Ihrem Guthaben wieder gutgeschrieben.${payload.reason ? ` Grund: ${payload.reason}` : ''}`,
      };
    case 'top_up_succeeded':
      return { subject: `${amount} Ihrem Guthaben gutgeschrieben`, body: 'Ihre Kartenaufladung war erfolgreich.' };
    case 'top_up_failed':
      return {
        subject: `Ihre Aufladung über ${amount} ist nicht durchgegangen`,
        body: 'Es wurde nichts belastet. Sie können es in Ihrem Guthaben erneut versuchen.',
      };
    case 'news_post':
      return {
        subject: `Neu in ${payload.blogName ?? 'den Neuigkeiten'}${payload.postTitle ? `: ${payload.postTitle}` : ''}`,
        body: 'Ein Kanal, dem Sie folgen, hat einen neuen Beitrag.',
      };
    case 'balance_low':
    default:
      return {
        subject: `Ihr Guthaben beträgt ${money(payload.balanceCents ?? 0)}`,
        body: `Es ist unter die ${money(payload.thresholdCents ?? 0)} gefallen, bei denen Sie benachrichtigt werden wollten.`,
      };
  }
};

const WORDING: Record<Language, Wording> = {
  en: { words: english, open: 'Open Canteen', stop: 'Stop these emails' },
  de: { words: german, open: 'Canteen öffnen', stop: 'Diese E-Mails abbestellen' },
};

/** Where each kind's email links to in the app. */
const PATHS: Record<NotificationKind, (payload: NotificationPayload) => string> = {
  order_ready: (payload) => `/orders/${payload.orderId}`,
  order_cancelled: (payload) => `/orders/${payload.orderId}`,
  order_refunded: (payload) => `/orders/${payload.orderId}`,
  news_post: (payload) => `/news/${payload.postId}`,
  top_up_succeeded: () => '/wallet',
  top_up_failed: () => '/wallet',
  balance_low: () => '/wallet',
};

/**
 * A notification's email in the reader's language (the one they last used the app in; English until the app has
 * said): its subject, its sentence and where it links. The app words notifications itself, in its own language.
 */
export const describe = (
  kind: NotificationKind,
  payload: NotificationPayload,
  { money, language }: { money: (cents: number, language: Language) => string; language: Language },
): Words & { path: string; open: string; stop: string } => {
  const wording = WORDING[language];
  return {
    ...wording.words(kind, payload, (cents) => money(cents, language)),
    path: PATHS[kind](payload),
    open: wording.open,
    stop: wording.stop,
  };
};

export type EmailConfig = {
  mailer: Mailer;
  tokens: UnsubscribeTokens;
  /** Where links point: PUBLIC_URL, or this process's own address. */
  publicUrl: () => string;
  money: (cents: number, language: Language) => string;
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
  const words = describe(notification.kind, notification.payload, { money: config.money, language: user.language ?? 'en' });
  const unsubscribe = `${base}/unsubscribe?token=${encodeURIComponent(await config.tokens.sign(user.id))}`;
  const link = `${base}${words.path}`;
  await config.mailer.send({
    to: user.email,
    subject: words.subject,
    text: `${words.body}\n\n${link}\n\n${words.stop}: ${unsubscribe}\n`,
    html: `<p>${escapeHtml(words.body)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(words.open)}</a></p><p style="color:#666;font-size:12px"><a href="${escapeHtml(unsubscribe)}">${escapeHtml(words.stop)}</a></p>`,
    headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  });
  notification.emailedAt = new Date();
  await em.flush();
  config.logger.info({ notificationId, kind: notification.kind }, 'notification emailed');
};

export const workNotificationEmails = async (jobs: Jobs, forkEm: () => EntityManager, config: EmailConfig): Promise<void> => {
  await jobs.work('notification-email', ({ notificationId }) => sendNotificationEmail(forkEm(), config, notificationId));
};
