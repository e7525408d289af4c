/**
 * What the audit log records entries about: every entity the AuditSubscriber (packages/db/src/audit/audit.subscriber.ts)
 * writes row changes for, i.e. every entity but AuditEntry, WalletDraw and OrderLine, and the two subjects the API
 * records events about without a row (`recordAuditEvent`: a blocked client address, the retention pass).
 * In the order the filter offers them; their words are `audit:entities.<entity>` (lib/audit-words.ts).
 */
const ENTITIES = [
  'User',
  'Session',
  'PasswordReset',
  'ClientAddress',
  'Department',
  'Setting',
  'Category',
  'Product',
  'Payer',
  'WalletEntry',
  'Order',
  'Payment',
  'WebhookEvent',
  'Blog',
  'Post',
  'Review',
  'System',
] as const;

export type AuditEntity = (typeof ENTITIES)[number];

export const AUDIT_ENTITIES: readonly [AuditEntity, ...AuditEntity[]] = ENTITIES;
