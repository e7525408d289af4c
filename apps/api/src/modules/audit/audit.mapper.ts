import type { AuditEntry } from '@canteen/db';

export const toAuditEntryDto = (entry: AuditEntry) => ({
  id: entry.id,
  at: entry.at.toISOString(),
  actorId: entry.actor?.id ?? null,
  actorEmail: entry.actor?.isInitialized() ? entry.actor.getEntity().email : null,
  action: entry.action,
  entity: entry.entity,
  entityId: entry.entityId ?? null,
  before: entry.before ?? null,
  after: entry.after ?? null,
  requestId: entry.requestId ?? null,
  ip: entry.ip ?? null,
});
