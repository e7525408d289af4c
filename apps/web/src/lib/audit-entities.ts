/**
 * What the audit log records entries about: every entity the AuditSubscriber (packages/db/src/audit/audit.subscriber.ts)
 * writes row changes for, i.e. every entity but AuditEntry, WalletDraw and OrderLine, and the two subjects the API
 * records events about without a row (`recordAuditEvent`: a blocked client address, the retention pass).
 * In words for people, in the order the filter offers them.
 */
export const AUDIT_ENTITY_LABELS = {
  User: 'Person',
  Session: 'Sign-in session',
  PasswordReset: 'Password reset link',
  ClientAddress: 'Client address',
  Department: 'Department',
  Setting: 'Setting',
  Category: 'Category',
  Product: 'Dish',
  Payer: 'Payer',
  WalletEntry: 'Wallet entry',
  Order: 'Order',
  Payment: 'Card top-up',
  WebhookEvent: 'Payment provider event',
  Blog: 'News channel',
  Post: 'News post',
  Review: 'Review',
  System: 'System',
} as const;

export type AuditEntity = keyof typeof AUDIT_ENTITY_LABELS;

export const AUDIT_ENTITIES = Object.keys(AUDIT_ENTITY_LABELS) as [AuditEntity, ...AuditEntity[]];
