import { createHash } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type SqlBool, sql } from 'kysely';
import {
  type AuditStamp,
  type NewAuditEntry,
  Order,
  User,
  WalletEntry,
  auditContext,
  insertOrder,
  insertOrderLedger,
  insertOrderLines,
  lockWallet,
  matchesSearch,
  newId,
  putBackStock,
  redact,
  searchWords,
  startOrder,
  takeBasket,
} from '@canteen/db';
import type { OrderDto, OrderListInput, PlaceOrderInput } from '@canteen/shared';
import { CursorKeys, planDraw } from '@canteen/shared';
import { AppError } from '../../errors';
import { assertCanActOn, findPersonToActOn, mayActOn, requireRole } from '../../lib/access';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { domain } from '../../lib/metrics';
import { readDb } from '../../lib/replica';
import { ownersInReadReach } from '../../lib/read-reach';
import type { ContextInner } from '../../trpc/context';
import { breakdownOf, insufficientFunds, refundOrderSpends } from '../wallet/ledger';

type Ctx = Pick<ContextInner, 'em' | 'user' | 'deps' | 'readFrom'>;

/** The same basket in any order hashes alike, so a retry is recognised and a different basket is refused. */
const basketHash = (items: PlaceOrderInput['items']): string => {
  const merged = new Map<string, number>();
  for (const item of items) merged.set(item.productId, (merged.get(item.productId) ?? 0) + item.quantity);
  const canonical = [...merged].sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
};

export const toOrderDto = async (em: EntityManager, order: Order): Promise<OrderDto> => {
  await em.populate(order, ['lines', 'user', 'placedBy']);
  const spends = await em.find(WalletEntry, { order, kind: 'spend' }, { orderBy: { id: 'asc' } });
  const lines = order.lines.getItems().sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    id: order.id,
    status: order.status,
    totalCents: order.totalCents,
    userId: order.user.id,
    userName: order.user.getEntity().name,
    placedById: order.placedBy.id,
    placedByName: order.placedBy.getEntity().name,
    createdAt: order.createdAt.toISOString(),
    refundedAt: order.refundedAt?.toISOString() ?? null,
    refundReason: order.refundReason ?? null,
    lines: lines.map((line) => ({
      productId: line.product.id,
      productName: line.productName,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      lineTotalCents: line.unitPriceCents * line.quantity,
    })),
    breakdown: await breakdownOf(em, spends),
  };
};

/**
 * Who is the order for? Themself (naming oneself at the till is just an ordinary order: one's own money for
 * one's own lunch), or (till mode) someone the actor may move money for: a manager's employee, or for an admin
 * anyone else.
 */
const resolveEater = async (ctx: Ctx, userId: string | undefined): Promise<User> => {
  const actor = requireRole(ctx.user, 'user');
  if (!userId || userId === actor.id) return actor;
  requireRole(actor, 'manager');
  const eater = await findPersonToActOn(ctx.em, actor, { userId, action: 'money' });
  if (!eater.isActive) throw new AppError('PRECONDITION_FAILED', 'This account is deactivated', { reason: 'ACCOUNT_INACTIVE' });
  return eater;
};

const replay = async (em: EntityManager, existing: Order, hash: string): Promise<OrderDto> => {
  if (existing.requestHash !== hash) {
    throw new AppError('CONFLICT', 'This order key was already used for a different basket', { reason: 'IDEMPOTENCY_MISMATCH' });
  }
  return toOrderDto(em, existing);
};

const unavailable = (name: string | undefined) =>
  new AppError('PRECONDITION_FAILED', `${name ?? 'A dish in your order'} is no longer available`, {
    reason: 'PRODUCT_UNAVAILABLE',
  });

/** What the audit would record for a created row: its fields as written, values as the audit shows them. */
const auditStamp = (): AuditStamp => {
  const ctx = auditContext.getStore();
  return {
    action: ctx?.action ?? 'order.place',
    actorId: ctx?.actorId ?? null,
    requestId: ctx?.requestId ?? null,
    ip: ctx?.ip ?? null,
    userAgent: ctx?.userAgent ?? null,
  };
};

/**
 * One transaction: the wallet lock, the earlier order with this key and the open lots, the dishes with their
 * stock taken (never below zero), then the order, its lines, its ledger entries and draws, and their audit
 * entries. Any failure rolls all of it back. A retry with the same idempotency key returns the first result and
 * charges nothing more.
 *
 * The hot path of the lunch rush: set-based statements without the unit of work (no change tracking, no
 * read-back), about ten round trips in all (docs/PERFORMANCE.md). The rules stay here and in
 * `@canteen/shared` (`planDraw`: oldest money first); the audit entries are the ones a flush would write.
 */
export const placeOrder = async (ctx: Ctx, input: PlaceOrderInput): Promise<OrderDto> => {
  const actor = requireRole(ctx.user, 'user');
  const eater = await resolveEater(ctx, input.userId);
  const hash = basketHash(input.items);
  const quantities = new Map<string, number>();
  for (const item of input.items) quantities.set(item.productId, (quantities.get(item.productId) ?? 0) + item.quantity);
  // Lines in a fixed order (by dish id), as their ids (time-ordered) then list them.
  const productIds = [...quantities.keys()].sort();
  const stamp = auditStamp();

  // Set inside the transaction, read after it: a holder, as TypeScript does not follow assignments in callbacks.
  const placed = { totalCents: null as number | null };
  const answer = await ctx.em.transactional(async (em) => {
    await lockWallet(em, eater.id);
    const { previous, lots } = await startOrder(em, eater.id, input.idempotencyKey);
    // A retry, or a concurrent request with the same key that held the lock first: answer with its order.
    if (previous) return replay(em, await em.findOneOrFail(Order, previous.id), hash);

    const basket = new Map((await takeBasket(em, quantities)).map((dish) => [dish.id, dish]));
    for (const id of productIds) {
      const dish = basket.get(id);
      if (!dish?.isActive) throw unavailable(dish?.name);
    }
    const totalCents = productIds.reduce((sum, id) => sum + basket.get(id)!.priceCents * quantities.get(id)!, 0);
    const { orderMaxTotalCents } = ctx.deps.limits;
    if (totalCents > orderMaxTotalCents) {
      throw new AppError('BAD_REQUEST', `One order can total at most ${(orderMaxTotalCents / 100).toFixed(2)}`, {
        reason: 'ORDER_TOO_LARGE',
      });
    }
    for (const id of productIds) {
      const dish = basket.get(id)!;
      if (dish.stock !== null && !dish.isTaken) {
        throw new AppError('PRECONDITION_FAILED', `Only ${Math.max(0, dish.stock)} × ${dish.name} left`, {
          reason: 'OUT_OF_STOCK',
        });
      }
    }
    const plan = totalCents > 0 ? planDraw(lots, totalCents) : { byPayer: [], draws: [] };
    if (!plan) throw insufficientFunds();

    const at = new Date();
    const order = {
      id: newId(),
      at,
      userId: eater.id,
      placedById: actor.id,
      departmentId: eater.department?.id ?? null,
      totalCents,
      idempotencyKey: input.idempotencyKey,
      requestHash: hash,
    };
    const lines = productIds.map((id) => ({
      id: newId(),
      productId: id,
      quantity: quantities.get(id)!,
      unitPriceCents: basket.get(id)!.priceCents,
      productName: basket.get(id)!.name,
    }));
    const spends = plan.byPayer.map((part) => ({ id: newId(), payerId: part.payerId, amountCents: part.amountCents }));
    const debitOf = new Map(spends.map((entry) => [entry.payerId, entry.id]));
    const draws = plan.draws.map((draw) => ({
      id: newId(),
      debitId: debitOf.get(draw.payerId)!,
      lotId: draw.lotId,
      amountCents: draw.amountCents,
    }));
    const when = at.toISOString();
    const audit: NewAuditEntry[] = [
      {
        id: newId(),
        entity: 'Order',
        entityId: order.id,
        // What the flush subscriber would record: the created row's fields, secrets (the basket hash) redacted.
        after: redact({
          id: order.id,
          createdAt: when,
          user: eater.id,
          placedBy: actor.id,
          departmentId: order.departmentId,
          status: 'completed',
          totalCents,
          idempotencyKey: input.idempotencyKey,
          requestHash: hash,
        })!,
      },
      ...spends.map((entry) => ({
        id: newId(),
        entity: 'WalletEntry',
        entityId: entry.id,
        after: redact({
          id: entry.id,
          createdAt: when,
          user: eater.id,
          payer: entry.payerId,
          amountCents: entry.amountCents,
          remainingCents: 0,
          occurredAt: when,
          kind: 'spend',
          order: order.id,
          payment: null,
          createdBy: actor.id,
          note: null,
        })!,
      })),
    ];
    // The order's insert takes the day's summary rows: from here to the commit is the part that queues.
    await insertOrder(em, order);
    await insertOrderLines(em, { orderId: order.id, at, lines });
    await insertOrderLedger(em, { orderId: order.id, userId: eater.id, createdById: actor.id, at, spends, draws, audit, stamp });
    placed.totalCents = totalCents;
    const payerNames = new Map(lots.map((lot) => [lot.payerId, lot.payerName]));
    // The menu cache is not invalidated: shown stock may lag by MENU_STALENESS_SECONDS; this transaction re-checked it.
    return {
      id: order.id,
      status: 'completed',
      totalCents,
      userId: eater.id,
      userName: eater.name,
      placedById: actor.id,
      placedByName: actor.name,
      createdAt: when,
      refundedAt: null,
      refundReason: null,
      lines: lines.map((line) => ({
        productId: line.productId,
        productName: line.productName,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        lineTotalCents: line.unitPriceCents * line.quantity,
      })),
      breakdown: spends.map((entry) => ({
        payerId: entry.payerId,
        payerName: payerNames.get(entry.payerId)!,
        amountCents: entry.amountCents,
      })),
    } satisfies OrderDto;
  });
  // Counted once committed, and not for a replayed key.
  if (placed.totalCents !== null) {
    domain.ordersPlaced.inc();
    domain.revenueCents.inc(placed.totalCents);
  }
  return answer;
};

/** An order whose owner's orders the caller may read: their own, or a person in their reach (docs/PRODUCT.md §2). */
const loadOrderInScope = async (ctx: Ctx, em: EntityManager, orderId: string): Promise<Order> => {
  const actor = requireRole(ctx.user, 'user');
  const order = await em.findOne(Order, orderId, { populate: ['user'] });
  if (!order || !mayActOn(actor, order.user.getEntity(), 'read')) {
    throw new AppError('NOT_FOUND', 'No such order', { reason: 'NOT_FOUND' });
  }
  return order;
};

export const getOrder = async (ctx: Ctx, orderId: string): Promise<OrderDto> =>
  toOrderDto(ctx.em, await loadOrderInScope(ctx, ctx.em, orderId));

/** Puts the stock back and gives each payer back its share. Refunding twice changes nothing the second time. */
export const refundOrder = async (ctx: Ctx, input: { orderId: string; reason?: string | undefined }): Promise<OrderDto> => {
  const actor = requireRole(ctx.user, 'manager');
  const probe = await loadOrderInScope(ctx, ctx.em, input.orderId);
  assertCanActOn(actor, probe.user.getEntity(), 'money');
  const outcome = { isRefunded: false };
  const answer = await ctx.em.transactional(async (em) => {
    await lockWallet(em, probe.user.id);
    const order = await em.findOneOrFail(Order, input.orderId, { populate: ['lines'] });
    await em.refresh(order);
    if (order.status === 'refunded') return toOrderDto(em, order);
    for (const line of order.lines) await putBackStock(em, line.product.id, line.quantity);
    order.status = 'refunded';
    order.refundedAt = new Date();
    order.refundedBy = ref(em.getReference(User, actor.id));
    order.refundReason = input.reason ?? null;
    // The order's change is written before its refund entries: the report summaries' triggers then lock rows in
    // the same order as a placement does (sales day, dishes, then funding), so the two cannot deadlock.
    await em.flush();
    await refundOrderSpends(em, order, { createdBy: em.getReference(User, actor.id), note: input.reason ?? 'Refund' });
    await em.flush();
    outcome.isRefunded = true;
    return toOrderDto(em, order);
  });
  if (outcome.isRefunded) domain.ordersRefunded.inc();
  return answer;
};

const OrderCursorSchema = CursorKeys.id;

/** The end of an order number as people read it ("#1A2B3C4D"; at least four of its hex digits). */
const ORDER_NUMBER = /^#?([0-9a-f]{4,32})$/i;

/**
 * `search` on orders: the end of the order number, or every word inside the name of one of its dishes (as the
 * line's snapshot has it, so renamed and archived dishes are found as they were sold).
 */
const orderSearch = (text: string) => {
  const number = ORDER_NUMBER.exec(text.trim())?.[1]?.toLowerCase();
  const words = searchWords(text);
  const byDish = words.length
    ? sql<SqlBool>`exists (select 1 from order_line l where l.order_id = o.id
        and ${matchesSearch(sql`canteen_fold(l.product_name)`, words, 'inside')})`
    : sql<SqlBool>`false`;
  return number ? sql<SqlBool>`(replace(o.id::text, '-', '') like ${`%${number}`} or ${byDish})` : byDish;
};

/** Employees see their own orders; managers theirs and their department's employees'; admins everyone's. Newest first. */
export const listOrders = async (ctx: Ctx, input: OrderListInput) => {
  const actor = requireRole(ctx.user, 'user');
  const cursor = decodeCursor(input.cursor, OrderCursorSchema);
  let query = readDb(ctx)
    .selectFrom('Order as o')
    .innerJoin('User as u', 'u.id', 'o.user')
    .innerJoin('User as pb', 'pb.id', 'o.placedBy')
    .select((eb) => [
      'o.id',
      'o.status',
      'o.totalCents',
      'o.user as userId',
      'u.name as userName',
      'o.placedBy as placedById',
      'pb.name as placedByName',
      'o.createdAt',
      'o.refundedAt',
      eb
        .selectFrom('OrderLine as l')
        .select((line) => line.cast<number>(line.fn.coalesce(line.fn.sum('l.quantity'), line.lit(0)), 'integer').as('n'))
        .whereRef('l.order', '=', 'o.id')
        .as('itemCount'),
    ]);
  const owners = await ownersInReadReach(ctx.em, actor, input.userId);
  if (owners) query = query.where('o.user', 'in', owners);
  if (input.status) query = query.where('o.status', '=', input.status);
  if (input.departmentId) query = query.where('u.department', '=', input.departmentId);
  if (input.from) query = query.where('o.createdAt', '>=', new Date(input.from));
  if (input.to) query = query.where('o.createdAt', '<', new Date(input.to));
  if (input.search) query = query.where(orderSearch(input.search));
  if (cursor) query = query.where('o.id', '<', cursor[0]);
  const rows = await query
    .orderBy('o.id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...row,
      itemCount: row.itemCount ?? 0,
      createdAt: row.createdAt.toISOString(),
      refundedAt: row.refundedAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null,
  };
};
