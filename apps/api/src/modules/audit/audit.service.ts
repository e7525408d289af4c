import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AuditEntry,
  Blog,
  Category,
  Department,
  Order,
  Payer,
  Payment,
  Post,
  Product,
  Review,
  User,
  auditContext,
  redact,
} from '@canteen/db';
import { type AuditListInput, CursorKeys } from '@canteen/shared';
import type { ContextInner } from '../../trpc/context';
import { requireRole } from '../../lib/access';
import { readConnection } from '../../lib/replica';
import { escapeLike } from '../../lib/sql';
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** How each kind of row is named for people, loaded for one page of entries at once. */
const LABELS: Record<string, (em: EntityManager, ids: string[]) => Promise<[string, string][]>> = {
  User: async (em, ids) => (await em.find(User, { id: { $in: ids } }, { fields: ['name'] })).map((u) => [u.id, u.name]),
  Department: async (em, ids) => (await em.find(Department, { id: { $in: ids } })).map((d) => [d.id, d.name]),
  Product: async (em, ids) => (await em.find(Product, { id: { $in: ids } }, { fields: ['name'] })).map((p) => [p.id, p.name]),
  Category: async (em, ids) => (await em.find(Category, { id: { $in: ids } })).map((c) => [c.id, c.name]),
  Payer: async (em, ids) => (await em.find(Payer, { id: { $in: ids } })).map((p) => [p.id, p.name]),
  Blog: async (em, ids) => (await em.find(Blog, { id: { $in: ids } })).map((b) => [b.id, b.name]),
  Post: async (em, ids) =>
    (await em.find(Post, { id: { $in: ids } }, { fields: ['title'] })).map((p) => [p.id, p.title ?? 'Untitled post']),
  Order: async (em, ids) =>
    (await em.find(Order, { id: { $in: ids } }, { populate: ['user'], fields: ['user.name'] })).map((o) => [
      o.id,
      `Order by ${o.user.getEntity().name}`,
    ]),
  Payment: async (em, ids) =>
    (await em.find(Payment, { id: { $in: ids } }, { populate: ['user'], fields: ['user.name'] })).map((p) => [
      p.id,
      `Top-up by ${p.user.getEntity().name}`,
    ]),
  Review: async (em, ids) =>
    (await em.find(Review, { id: { $in: ids } }, { populate: ['product'], fields: ['product.name'] })).map((r) => [
      r.id,
      `Review of ${r.product.getEntity().name}`,
    ]),
};

/** Names for the rows a page of entries is about, one query per kind of row. */
const entityLabels = async (em: EntityManager, entries: AuditEntry[]): Promise<Map<string, string>> => {
  const idsByEntity = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (!entry.entityId || !UUID.test(entry.entityId) || !LABELS[entry.entity]) continue;
    idsByEntity.set(entry.entity, (idsByEntity.get(entry.entity) ?? new Set()).add(entry.entityId));
  }
  const labels = await Promise.all(
    [...idsByEntity].map(async ([entity, ids]) =>
      (await LABELS[entity]!(em, [...ids])).map(([id, label]) => [`${entity}:${id}`, label] as const),
    ),
  );
  return new Map(labels.flat());
};

export const listAuditEntries = async (ctx: Pick<ContextInner, 'em' | 'user' | 'readFrom'>, input: AuditListInput) => {
  requireRole(ctx.user, 'admin');
  const cursor = decodeCursor(input.cursor, CursorKeys.id);
  const at = {
    ...(input.from ? { $gte: new Date(input.from) } : {}),
    ...(input.to ? { $lt: new Date(input.to) } : {}),
  };
  const entries = await ctx.em.find(
    AuditEntry,
    {
      ...(input.action ? { action: { $ilike: `${escapeLike(input.action)}%` } } : {}),
      ...(input.entity ? { entity: input.entity } : {}),
      ...(input.entityId ? { entityId: input.entityId } : {}),
      ...(input.actorId ? { actor: input.actorId } : {}),
      ...(input.from || input.to ? { at } : {}),
      ...(cursor ? { id: { $lt: cursor[0] } } : {}),
    },
    { orderBy: { id: 'desc' }, limit: input.limit + 1, populate: ['actor'], connectionType: readConnection(ctx) },
  );
  const page = entries.slice(0, input.limit);
  const labels = await entityLabels(ctx.em, page);
  const last = page.at(-1);
  return {
    items: page.map((entry) => toAuditEntryDto(entry, labels.get(`${entry.entity}:${entry.entityId}`) ?? null)),
    nextCursor: entries.length > input.limit && last ? encodeCursor([last.id]) : null,
  };
};
