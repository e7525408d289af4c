import type { AuditEntryDto } from '@canteen/shared';
import { AUDIT_ENTITIES, type AuditEntity } from './audit-entities';
import { i18next } from './i18n';

/**
 * Every action the API records (its words are `audit:actions.<action>`). A mutation's entries carry its procedure
 * path (`wallet.credit`); events without one carry the name the API gives them (`auth.login_failed`,
 * docs/PRODUCT.md "Audit").
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.login_failed',
  'auth.login_locked',
  'auth.account_locked',
  'auth.address_blocked',
  'auth.reauth_failed',
  'auth.refresh_reused',
  'auth.resetPassword',
  'auth.changePassword',
  'auth.totp.begin',
  'auth.totp.confirm',
  'auth.totp.disable',
  'user.create',
  'user.update',
  'user.resetLink',
  'department.create',
  'department.update',
  'department.delete',
  'settings.update',
  'category.create',
  'category.update',
  'category.delete',
  'product.create',
  'product.update',
  'product.archive',
  'product.adjustStock',
  'payer.create',
  'wallet.credit',
  'wallet.creditBulk',
  'wallet.charge',
  'order.place',
  'order.refund',
  'payment.createTopUp',
  'payment.cancel',
  'payment.refund',
  'payment.expire',
  'blog.create',
  'blog.update',
  'blog.delete',
  'post.create',
  'post.update',
  'post.delete',
  'post.view',
  'review.create',
  'review.update',
  'review.delete',
  'review.setStatus',
  'privacy.export',
  'privacy.erase',
  'system.retention',
  'system.seed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isKnownAction = (action: string): action is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(action);

/** "adjustStock" → "adjust stock". */
const words = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();

/**
 * An action in words, in the language shown; one the web app does not know yet reads as its parts
 * ("kitchen.setStatus" → "Kitchen: set status").
 */
export const actionWords = (action: string): string => {
  if (isKnownAction(action)) return i18next.t(`audit:actions.${action}`);
  if (action.startsWith('payment.webhook.')) return i18next.t('audit:paymentProviderUpdate');
  const [domain = '', ...rest] = action.split('.');
  const head = words(domain);
  const capitalised = head.charAt(0).toUpperCase() + head.slice(1);
  return rest.length ? `${capitalised}: ${rest.map(words).join(' ')}` : capitalised;
};

const isAuditEntity = (entity: string): entity is AuditEntity => (AUDIT_ENTITIES as readonly string[]).includes(entity);

/** The kind of thing an entry is about, in the language shown ("Dish"); one the web app does not know, in parts. */
export const entityWords = (entity: string): string =>
  isAuditEntity(entity) ? i18next.t(`audit:entities.${entity}`) : words(entity);

/**
 * The random tail of a UUID, enough to tell rows apart on screen (a UUIDv7 starts with its time, which rows made
 * together share); the full id is in the entry's details.
 */
export const shortId = (id: string): string => (id.length > 12 ? `…${id.slice(-8)}` : id);

/** Who did it: their name; nobody signed in for sign-in events; Canteen itself for jobs and provider webhooks. */
export const actorWords = (entry: Pick<AuditEntryDto, 'actorName' | 'actorEmail' | 'actorId' | 'action'>): string => {
  const name = entry.actorName ?? entry.actorEmail;
  if (name) return name;
  if (entry.actorId) return i18next.t('audit:actors.noLongerListed');
  return i18next.t(entry.action.startsWith('auth.') ? 'audit:actors.notSignedIn' : 'audit:actors.automatic');
};

/** What it is about: its name when the API found one, else the kind of thing and a short id. */
export const aboutWords = (entry: Pick<AuditEntryDto, 'entity' | 'entityId' | 'entityLabel'>): string => {
  if (entry.entityLabel) return entry.entityLabel;
  const kind = entityWords(entry.entity);
  return entry.entityId ? `${kind} ${shortId(entry.entityId)}` : kind;
};
