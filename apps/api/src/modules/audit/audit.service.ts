import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry, auditContext, redact } from '@canteen/db';
import { CursorKeys, type AuditListInputSchema, type PageInput } from '@canteen/shared';
import type { z } from 'zod';
import type { ContextInner } from '../../trpc/context';
import { requireRole } from '../../lib/access';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { toAuditEntryDto } from './audit.mapper';

/**
 * For events that change no row (a failed sign-in with an unknown email) or whose change is made with a
 * single atomic UPDATE outside the unit of work. Row changes are recorded by the AuditSubscriber.
 */
export const recordAuditEvent = async (
  em: EntityManager,
  event: { action: string; entity: string; entityId?: string | null; after?: Record<string, unknown> },
): Promise<void> => {
  const ctx = auditContext.getStore();
  em.create(AuditEntry, {
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    before: null,
    after: redact(event.after),
    actor: ctx?.actorId ?? null,
    requestId: ctx?.requestId ?? null,
    ip: ctx?.ip ?? null,
    userAgent: ctx?.userAgent ?? null,
  });
  await em.flush();
};

export const listAuditEntries = async (
  ctx: Pick<ContextInner, 'em' | 'user'>,
  input: z.infer<typeof AuditListInputSchema> & PageInput,
) => {
  requireRole(ctx.user, 'admin');
  const cursor = decodeCursor(input.cursor, CursorKeys.id);
  const entries = await ctx.em.find(
    AuditEntry,
    {
      ...(input.action ? { action: { $ilike: `${input.action}%` } } : {}),
      ...(input.entity ? { entity: input.entity } : {}),
      ...(input.entityId ? { entityId: input.entityId } : {}),
      ...(input.actorId ? { actor: input.actorId } : {}),
      ...(cursor ? { id: { $lt: cursor[0] } } : {}),
    },
    { orderBy: { id: 'desc' }, limit: input.limit + 1, populate: ['actor'] },
  );
  const page = entries.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toAuditEntryDto),
    nextCursor: entries.length > input.limit && last ? encodeCursor([last.id]) : null,
  };
};
