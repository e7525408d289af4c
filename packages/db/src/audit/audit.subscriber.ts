import { ChangeSetType, type EventSubscriber, type FlushEventArgs, type ChangeSet } from '@mikro-orm/core';
import { AuditEntry } from './audit-entry.entity';
import { auditContext } from './audit-context';

const SECRET_KEY = /password|hash|secret|token/i;
/** Entities whose every row change is not itself worth an entry. */
const UNAUDITED = new Set(['AuditEntry', 'WalletDraw', 'OrderLine']);
/**
 * Row changes that are routine for an action and not changes anyone audits: rotating the refresh token on every
 * `auth.refresh`. Reuse detection, revocations and sign-ins still write their own entries (auth.service.ts).
 */
const ROUTINE: Record<string, Set<string>> = { 'auth.refresh': new Set(['Session']) };
/** Updates that only touch these bookkeeping fields are derivable from audited rows (a lot's remainder). */
const BOOKKEEPING_FIELDS: Record<string, string[]> = { WalletEntry: ['remainingCents', 'updatedAt'] };

export const redact = (data: Record<string, unknown> | undefined | null): Record<string, unknown> | null => {
  if (!data) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'updatedAt') continue;
    out[key] = SECRET_KEY.test(key) ? '[redacted]' : toPlain(value);
  }
  return out;
};

const toPlain = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && 'id' in value) return value.id;
  return value;
};

const ACTION_BY_TYPE: Partial<Record<ChangeSetType, string>> = {
  [ChangeSetType.CREATE]: 'create',
  [ChangeSetType.UPDATE]: 'update',
  [ChangeSetType.DELETE]: 'delete',
};

/**
 * Writes one AuditEntry per changed row inside the same flush, so the entry commits or rolls back with the
 * change it describes. Actor, request id and action come from the ambient audit context.
 */
export class AuditSubscriber implements EventSubscriber {
  async onFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const ctx = auditContext.getStore();
    const routine = ctx?.action ? ROUTINE[ctx.action] : undefined;
    const changeSets = uow.getChangeSets().filter((cs) => !UNAUDITED.has(cs.meta.className) && !routine?.has(cs.meta.className));
    for (const cs of changeSets as ChangeSet<Record<string, unknown>>[]) {
      const verb = ACTION_BY_TYPE[cs.type];
      if (!verb) continue;
      const bookkeeping = BOOKKEEPING_FIELDS[cs.meta.className];
      if (cs.type === ChangeSetType.UPDATE && bookkeeping && Object.keys(cs.payload).every((key) => bookkeeping.includes(key)))
        continue;
      const before =
        cs.type === ChangeSetType.CREATE
          ? null
          : pick(cs.originalEntity, cs.type === ChangeSetType.UPDATE ? cs.payload : undefined);
      const after = cs.type === ChangeSetType.DELETE ? null : cs.payload;
      const entry = em.create(AuditEntry, {
        action: ctx?.action ?? `${cs.meta.className.toLowerCase()}.${verb}`,
        entity: cs.meta.className,
        entityId: cs.getPrimaryKey() === null ? null : String(cs.getPrimaryKey()),
        before: redact(before),
        after: redact(after),
        actor: ctx?.actorId ?? null,
        requestId: ctx?.requestId ?? null,
        ip: ctx?.ip ?? null,
        userAgent: ctx?.userAgent ?? null,
      });
      uow.computeChangeSet(entry);
    }
  }
}

const pick = (
  original: Record<string, unknown> | undefined,
  keys: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined => {
  if (!original) return undefined;
  if (!keys) return original;
  return Object.fromEntries(Object.keys(keys).map((key) => [key, original[key]]));
};
