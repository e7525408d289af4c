import type { AuditEntryDto } from '@canteen/shared';
import { AUDIT_ENTITY_LABELS } from './audit-entities';

/**
 * Every action the API records, in words. A mutation's entries carry its procedure path (`wallet.credit`);
 * events without one carry the name the API gives them (`auth.login_failed`, docs/PRODUCT.md "Audit").
 */
export const AUDIT_ACTION_WORDS: Record<string, string> = {
  'auth.login': 'Signed in',
  'auth.logout': 'Signed out',
  'auth.login_failed': 'Failed sign-in',
  'auth.login_locked': 'Sign-in to a locked account',
  'auth.account_locked': 'Account locked after failed sign-ins',
  'auth.address_blocked': 'Address blocked after failed sign-ins',
  'auth.reauth_failed': 'Failed password confirmation',
  'auth.refresh_reused': 'Sign-in reused elsewhere, all ended',
  'auth.resetPassword': 'Set a password with a reset link',
  'auth.changePassword': 'Changed their password',
  'auth.totp.begin': 'Started setting up two-factor',
  'auth.totp.confirm': 'Turned on two-factor',
  'auth.totp.disable': 'Turned off two-factor',
  'user.create': 'Created a user',
  'user.update': 'Changed a user',
  'user.resetLink': 'Made a password reset link',
  'department.create': 'Created a department',
  'department.update': 'Changed a department',
  'department.delete': 'Deleted a department',
  'settings.update': 'Changed the settings',
  'category.create': 'Created a category',
  'category.update': 'Changed a category',
  'category.delete': 'Deleted a category',
  'product.create': 'Added a dish',
  'product.update': 'Changed a dish',
  'product.archive': 'Archived a dish',
  'product.adjustStock': 'Adjusted stock',
  'payer.create': 'Added a payer',
  'wallet.credit': 'Credited a wallet',
  'wallet.creditBulk': 'Credited a department',
  'wallet.charge': 'Charged a wallet',
  'order.place': 'Placed an order',
  'order.refund': 'Refunded an order',
  'payment.createTopUp': 'Started a card top-up',
  'payment.cancel': 'Cancelled a card top-up',
  'payment.refund': 'Refunded a card top-up',
  'payment.expire': 'A card top-up expired',
  'blog.create': 'Created a news channel',
  'blog.update': 'Changed a news channel',
  'blog.delete': 'Deleted a news channel',
  'post.create': 'Wrote a post',
  'post.update': 'Changed a post',
  'post.delete': 'Deleted a post',
  'post.view': 'Read a post',
  'review.create': 'Reviewed a dish',
  'review.update': 'Changed a review',
  'review.delete': 'Deleted a review',
  'review.setStatus': 'Moderated a review',
  'privacy.export': 'Exported a person’s data',
  'privacy.erase': 'Erased a person’s data',
  'system.retention': 'Retention pass',
  'system.seed': 'Loaded the demo data',
};

/** "adjustStock" → "adjust stock". */
const words = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();

/** An action in words; one the web app does not know yet reads as its parts ("kitchen.setStatus" → "Kitchen: set status"). */
export const actionWords = (action: string): string => {
  const known = AUDIT_ACTION_WORDS[action];
  if (known) return known;
  if (action.startsWith('payment.webhook.')) return 'Payment provider update';
  const [domain = '', ...rest] = action.split('.');
  const head = words(domain);
  const capitalised = head.charAt(0).toUpperCase() + head.slice(1);
  return rest.length ? `${capitalised}: ${rest.map(words).join(' ')}` : capitalised;
};

export const entityWords = (entity: string): string =>
  entity in AUDIT_ENTITY_LABELS ? AUDIT_ENTITY_LABELS[entity as keyof typeof AUDIT_ENTITY_LABELS] : words(entity);

/**
 * The random tail of a UUID, enough to tell rows apart on screen (a UUIDv7 starts with its time, which rows made
 * together share); the full id is in the entry's details.
 */
export const shortId = (id: string): string => (id.length > 12 ? `…${id.slice(-8)}` : id);

/** Who did it: their name; nobody signed in for sign-in events; Canteen itself for jobs and provider webhooks. */
export const actorWords = (entry: Pick<AuditEntryDto, 'actorName' | 'actorEmail' | 'actorId' | 'action'>): string => {
  const name = entry.actorName ?? entry.actorEmail;
  if (name) return name;
  if (entry.actorId) return 'Someone no longer listed';
  return entry.action.startsWith('auth.') ? 'Not signed in' : 'Canteen (automatic)';
};

/** What it is about: its name when the API found one, else the kind of thing and a short id. */
export const aboutWords = (entry: Pick<AuditEntryDto, 'entity' | 'entityId' | 'entityLabel'>): string => {
  if (entry.entityLabel) return entry.entityLabel;
  const kind = entityWords(entry.entity);
  return entry.entityId ? `${kind} ${shortId(entry.entityId)}` : kind;
};
