import type { AuditEntry } from '@canteen/db';
import type { AuditEntryDto } from '@canteen/shared';

export const toAuditEntryDto = (entry: AuditEntry, entityLabel: string | null = null): AuditEntryDto => {
  const actor = entry.actor?.isInitialized() ? entry.actor.getEntity() : null;
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actorId: entry.actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    actorName: actor?.name ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    entityLabel,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId ?? null,
    ip: entry.ip ?? null,
  };
};
