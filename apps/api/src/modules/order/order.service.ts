import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ref } from '@mikro-orm/core';
import { type SqlBool, sql } from 'kysely';
import {
  type AuditStamp,
  type NewAuditEntry,
  Order,
  type User,
  WalletEntry,
  auditContext,
  insertOrder,
  insertOrderLedger,
  insertOrderLines,
  lockWallet,
  matchesSearch,
  newId,
  redact,
  searchWords,
  startOrder,
  takeBasket,
  takePlannedDishes,
  releaseSlot,
  PickupSlot,
} from '@canteen/db';
import type { OrderDto, OrderListInput, PlaceOrderInput } from '@canteen/shared';
import {
  CursorKeys,
  type ChangeSlotInput,
  type OptionRefusal,
  fallsBelow,
  isChangeableAt,
  lineAllergens,
  orderLineKey,
  planDraw,
  quantitiesByDish,
  resolveOptions,
} from '@canteen/shared';
import { AppError } from '../../errors';
import { assertCanActOn, findPersonToActOn, mayActOn, requireRole } from '../../lib/access';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { domain } from '../../lib/metrics';
import { readDb } from '../../lib/replica';
import { ownersInReadReach } from '../../lib/read-reach';
import type { ContextInner } from '../../trpc/context';
import { breakdownOf, insufficientFunds } from '../wallet/ledger';
import { loadTicket } from '../kitchen/kitchen.tickets';
import {
  menuChanged,
  menuChangedFor,
  orderMoved,
  recordLiveEvents,
  slotsChanged,
  ticketChanged,
  walletChanged,
} from '../live/live.events';
import { lowBalanceThreshold } from '../notification/notifier';
import { type Schedule, assertOrderableDay, bookPickup, scheduleOf } from '../plan/schedule';
import { lockOrder, returnOrderMoney, shouldMove } from './order.lifecycle';

type Ctx = Pick<ContextInner, 'em' | 'user' | 'deps' | 'readFrom'>;

/**
 * The same basket in any order hashes alike, so a retry is recognised and a different basket is refused. The day
 * and slot asked for count too, and a line's options and note (a basket without them hashes as before they
 * existed).
 */
const basketHash = (input: Pick<PlaceOrderInput, 'items' | 'pickupDay' | 'slotId'>): string => {
  const canonical: unknown[] = input.items
    .map((item) =>
      item.optionIds?.length || item.note
        ? [item.productId, item.quantity, item.optionIds ?? [], item.note ?? null]
        : [item.productId, item.quantity],
    )
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (input.pickupDay || input.slotId) canonical.push({ day: input.pickupDay ?? null, slot: input.slotId ?? null });
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
};

/** A line as the order shows it: the options without their allergens (the line has them all). */
const lineDto = (line: {
  productId: string;
  productName: string;
  quantity: number;
  unitPriceCents: number;
  options: OrderDto['lines'][number]['options'];
  allergens: OrderDto['lines'][number]['allergens'];
  note: string | null;
}): OrderDto['lines'][number] => ({
  productId: line.productId,
  productName: line.productName,
  quantity: line.quantity,
  unitPriceCents: line.unitPriceCents,
  lineTotalCents: line.unitPriceCents * line.quantity,
  options: line.options.map(({ id, groupName, name, priceDeltaCents }) => ({ id, groupName, name, priceDeltaCents })),
  allergens: line.allergens,
  note: line.note,
});

export const toOrderDto = async (em: EntityManager, order: Order, schedule: Schedule): Promise<OrderDto> => {
  await em.populate(order, ['lines', 'user', 'placedBy', 'pickupSlot']);
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
    pickupDay: order.pickupDay,
    pickupSlot: order.pickupSlot ? { id: order.pickupSlot.id, startsAt: order.pickupSlot.getEntity().startsAt } : null,
    pickupAt: order.pickupAt?.toISOString() ?? null,
    isChangeable: isChangeableAt(
      { status: order.status, pickupDay: order.pickupDay, placedAt: order.createdAt },
      schedule.now,
      schedule,
    ),
    statusChangedAt: order.statusChangedAt.toISOString(),
    readyAt: order.readyAt?.toISOString() ?? null,
    collectedAt: order.collectedAt?.toISOString() ?? null,
    cancelledAt: order.cancelledAt?.toISOString() ?? null,
    uncollectedAt: order.uncollectedAt?.toISOString() ?? null,
    refundedAt: order.refundedAt?.toISOString() ?? null,
    refundReason: order.refundReason ?? null,
    lines: lines.map((line) =>
      lineDto({
        productId: line.product.id,
        productName: line.productName,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        options: line.options,
        allergens: line.allergens,
        note: line.note ?? null,
      }),
    ),
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

const replay = async (em: EntityManager, existing: Order, { hash, schedule }: { hash: string; schedule: Schedule }) => {
  if (existing.requestHash !== hash) {
    throw new AppError('CONFLICT', 'This order key was already used for a different basket', { reason: 'IDEMPOTENCY_MISMATCH' });
  }
  return toOrderDto(em, existing, schedule);
};

const notPlanned = (name: string, day: string) =>
  new AppError('PRECONDITION_FAILED', `${name} is not on the menu of ${day}`, { reason: 'PRODUCT_NOT_PLANNED' });

const optionRefused = (dish: string, refusal: OptionRefusal) =>
  refusal.reason === 'OPTION_UNAVAILABLE'
    ? new AppError('PRECONDITION_FAILED', `An option chosen for ${dish} is no longer offered`, { reason: refusal.reason })
    : new AppError(
        'BAD_REQUEST',
        refusal.minChoices === refusal.maxChoices
          ? `Choose ${refusal.minChoices} of ${refusal.groupName} for ${dish}`
          : `Choose ${refusal.minChoices} to ${refusal.maxChoices} of ${refusal.groupName} for ${dish}`,
        { reason: refusal.reason },
      );

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
  const hash = basketHash(input);
  const schedule = await scheduleOf(ctx);
  const day = input.pickupDay ?? schedule.today;
  assertOrderableDay(day, schedule);
  const quantities = quantitiesByDish(input.items);
  const productIds = [...quantities.keys()].sort();
  // Lines in a fixed order (by dish, then options and note), as their ids (time-ordered) then list them.
  const items = [...input.items].sort((a, b) => (orderLineKey(a) < orderLineKey(b) ? -1 : 1));
  const stamp = auditStamp();

  // Set inside the transaction, read after it: a holder, as TypeScript does not follow assignments in callbacks.
  const placed = { totalCents: null as number | null };
  const answer = await ctx.em.transactional(async (em) => {
    await lockWallet(em, eater.id);
    const { previous, lots } = await startOrder(em, eater.id, input.idempotencyKey);
    // A retry, or a concurrent request with the same key that held the lock first: answer with its order.
    if (previous) return replay(em, await em.findOneOrFail(Order, previous.id), { hash, schedule });

    const basket = new Map((await takeBasket(em, quantities)).map((dish) => [dish.id, dish]));
    for (const id of productIds) {
      const dish = basket.get(id);
      if (!dish?.isActive) throw unavailable(dish?.name);
    }
    // Each line's options checked against its dish's groups, and priced on top of the dish.
    const priced = items.map((item) => {
      const dish = basket.get(item.productId)!;
      const options = resolveOptions(dish.optionGroups, item.optionIds ?? []);
      if (!options.ok) throw optionRefused(dish.name, options);
      return { item, dish, options: options.chosen, unitPriceCents: dish.priceCents + options.deltaCents };
    });
    const totalCents = priced.reduce((sum, line) => sum + line.unitPriceCents * line.item.quantity, 0);
    const { orderMaxTotalCents } = ctx.deps.limits;
    if (totalCents > orderMaxTotalCents) {
      throw new AppError('BAD_REQUEST', `One order can total at most ${(orderMaxTotalCents / 100).toFixed(2)}`, {
        reason: 'ORDER_TOO_LARGE',
      });
    }
    for (const id of productIds) {
      const dish = basket.get(id)!;
      if (!dish.isScheduled && dish.stock !== null && !dish.isTaken) {
        throw new AppError('PRECONDITION_FAILED', `Only ${Math.max(0, dish.stock)} × ${dish.name} left`, {
          reason: 'OUT_OF_STOCK',
        });
      }
    }
    // Daily dishes come out of that day's plan (published, never beyond its quantity).
    const scheduled = new Map(productIds.filter((id) => basket.get(id)!.isScheduled).map((id) => [id, quantities.get(id)!]));
    const planned = scheduled.size > 0 ? await takePlannedDishes(em, day, scheduled) : [];
    for (const entry of planned) {
      const { name } = basket.get(entry.productId)!;
      if (!entry.isPlanned) throw notPlanned(name, day);
      if (!entry.isTaken) {
        const left = Math.max(0, (entry.plannedQuantity ?? 0) - entry.sold);
        throw new AppError('PRECONDITION_FAILED', `Only ${left} × ${name} left for ${day}`, { reason: 'OUT_OF_STOCK' });
      }
    }
    const pickup = await bookPickup(em, { day, slotId: input.slotId }, schedule);
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
      pickupDay: day,
      pickupSlotId: pickup.slot?.id ?? null,
      pickupAt: pickup.at,
    };
    const lines = priced.map(({ item, dish, options, unitPriceCents }) => ({
      id: newId(),
      productId: dish.id,
      quantity: item.quantity,
      unitPriceCents,
      productName: dish.name,
      planDay: dish.isScheduled ? day : null,
      options: options.map(({ id, groupName, name, priceDeltaCents }) => ({ id, groupName, name, priceDeltaCents })),
      allergens: lineAllergens(dish.allergens, options),
      note: item.note ?? null,
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
          status: 'placed',
          statusChangedAt: when,
          totalCents,
          pickupDay: day,
          pickupSlot: pickup.slot?.id ?? null,
          pickupAt: pickup.at?.toISOString() ?? null,
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
    // The kitchen gets the ticket, the eater's other screens the order and the balance, every menu the stock left.
    const tracked = productIds.filter((id) => !basket.get(id)!.isScheduled && basket.get(id)!.stock !== null);
    await recordLiveEvents(em, [
      ticketChanged({
        id: order.id,
        status: 'placed',
        userName: eater.name,
        isTillOrder: actor.id !== eater.id,
        createdAt: when,
        statusChangedAt: when,
        pickupDay: day,
        pickupAt: pickup.at?.toISOString() ?? null,
        lines: lines.map(({ productId, productName, quantity, options, note }) => ({
          productId,
          productName,
          quantity,
          options: options.map(({ groupName, name }) => ({ groupName, name })),
          note,
        })),
      }),
      orderMoved({ id: order.id, user: eater, status: 'placed', statusChangedAt: at }),
      walletChanged(eater.id),
      ...menuChanged(
        tracked.map((id) => ({ id, stock: basket.get(id)!.stock! - quantities.get(id)!, isActive: basket.get(id)!.isActive })),
      ),
      ...slotsChanged(day, [pickup.places]),
    ]);
    // A lunch that takes the balance below the person's threshold tells them, once.
    const beforeCents = lots.reduce((sum, lot) => sum + lot.remainingCents, 0);
    const threshold = await lowBalanceThreshold(em, eater.id);
    if (fallsBelow(beforeCents, beforeCents - totalCents, threshold)) {
      await ctx.deps.notifier.notify(em, [
        {
          userId: eater.id,
          kind: 'balance_low',
          payload: { balanceCents: beforeCents - totalCents, thresholdCents: threshold! },
        },
      ]);
    }
    placed.totalCents = totalCents;
    const payerNames = new Map(lots.map((lot) => [lot.payerId, lot.payerName]));
    // The menu cache is not invalidated: shown stock may lag by MENU_STALENESS_SECONDS; this transaction re-checked it.
    return {
      id: order.id,
      status: 'placed',
      totalCents,
      userId: eater.id,
      userName: eater.name,
      placedById: actor.id,
      placedByName: actor.name,
      createdAt: when,
      pickupDay: day,
      pickupSlot: pickup.slot,
      pickupAt: pickup.at?.toISOString() ?? null,
      isChangeable: isChangeableAt({ status: 'placed', pickupDay: day, placedAt: at }, at, schedule),
      statusChangedAt: when,
      readyAt: null,
      collectedAt: null,
      cancelledAt: null,
      uncollectedAt: null,
      refundedAt: null,
      refundReason: null,
      lines: lines.map(lineDto),
      breakdown: spends.map((entry) => ({
        payerId: entry.payerId,
        payerName: payerNames.get(entry.payerId)!,
        amountCents: entry.amountCents,
      })),
    } satisfies OrderDto;
  });
  // Counted once committed, and not for a replayed key.
  if (placed.totalCents !== null) {
    ctx.deps.live.wake();
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
  toOrderDto(ctx.em, await loadOrderInScope(ctx, ctx.em, orderId), await scheduleOf(ctx));

/** The owner's changes (cancel, another slot) end at the pickup day's cut-off (walk-up orders: while placed). */
const assertChangeable = (order: Order, schedule: Schedule): void => {
  if (order.status !== 'placed') return;
  if (!isChangeableAt({ status: order.status, pickupDay: order.pickupDay, placedAt: order.createdAt }, new Date(), schedule)) {
    throw new AppError('PRECONDITION_FAILED', `Changes for ${order.pickupDay} closed at ${schedule.cutoffTime}`, {
      reason: 'PAST_CUTOFF',
    });
  }
};

/**
 * Money back for an order, in one transaction under the eater's wallet lock and the order's row lock: cancelled
 * by its owner while the kitchen has not started, or refunded by a manager at any point. Asking again changes
 * nothing (the order is already there); two requests at once take turns, and exactly one returns the money. The
 * kitchen, the owner's screens and every menu are told.
 */
const giveMoneyBack = async (
  ctx: Ctx,
  probe: Order,
  request: { to: 'cancelled' | 'refunded'; by: 'owner' | 'manager'; actorId: string; note: string | null },
): Promise<OrderDto> => {
  const outcome = { isMoved: false };
  const schedule = await scheduleOf(ctx);
  const answer = await ctx.em.transactional(async (em) => {
    await lockWallet(em, probe.user.id);
    const order = await lockOrder(em, probe.id);
    if (!shouldMove(order, request)) return toOrderDto(em, order, schedule);
    if (request.by === 'owner') assertChangeable(order, schedule);
    const released = await returnOrderMoney(em, order, { to: request.to, actorId: request.actorId, note: request.note });
    const productIds = order.lines.getItems().map((line) => line.product.id);
    await recordLiveEvents(em, [
      ticketChanged(await loadTicket(em, order.id)),
      orderMoved(order),
      walletChanged(order.user.id),
      ...(await menuChangedFor(em, productIds, { trackedOnly: true })),
      ...slotsChanged(order.pickupDay, [released]),
    ]);
    await ctx.deps.notifier.notify(em, [
      {
        userId: order.user.id,
        kind: request.to === 'cancelled' ? 'order_cancelled' : 'order_refunded',
        payload: { orderId: order.id, amountCents: order.totalCents, reason: request.note },
      },
    ]);
    outcome.isMoved = true;
    return toOrderDto(em, order, schedule);
  });
  if (outcome.isMoved) {
    ctx.deps.live.wake();
    if (request.to === 'refunded') domain.ordersRefunded.inc();
    else domain.ordersCancelled.inc();
  }
  return answer;
};

/** A manager refunds an order of someone they may move money for: the stock comes back, each payer its share. */
export const refundOrder = async (ctx: Ctx, input: { orderId: string; reason?: string | undefined }): Promise<OrderDto> => {
  const actor = requireRole(ctx.user, 'manager');
  const probe = await loadOrderInScope(ctx, ctx.em, input.orderId);
  assertCanActOn(actor, probe.user.getEntity(), 'money');
  return giveMoneyBack(ctx, probe, { to: 'refunded', by: 'manager', actorId: actor.id, note: input.reason ?? null });
};

/**
 * The owner cancels their order while it is `placed` (docs/PRODUCT.md §5): everything goes back as in a refund.
 * Someone else who may read the order (their manager) refunds it instead; nobody else learns it exists.
 */
export const cancelOrder = async (ctx: Ctx, input: { orderId: string }): Promise<OrderDto> => {
  const actor = requireRole(ctx.user, 'user');
  const probe = await loadOrderInScope(ctx, ctx.em, input.orderId);
  if (probe.user.id !== actor.id) {
    throw new AppError('FORBIDDEN', 'Only the person who ordered can cancel; a manager refunds', { reason: 'OUT_OF_SCOPE' });
  }
  return giveMoneyBack(ctx, probe, { to: 'cancelled', by: 'owner', actorId: actor.id, note: null });
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
      'o.pickupDay',
      'o.pickupAt',
      'o.statusChangedAt',
      'o.uncollectedAt',
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
  if (input.uncollected) query = query.where('o.uncollectedAt', 'is not', null);
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
      pickupAt: row.pickupAt?.toISOString() ?? null,
      statusChangedAt: row.statusChangedAt.toISOString(),
      uncollectedAt: row.uncollectedAt?.toISOString() ?? null,
      refundedAt: row.refundedAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null,
  };
};

/**
 * The owner moves their order to another slot of its day, until the cut-off: the new slot is booked (refused when
 * full, with the next free ones) and the old one given back, in one transaction under the order's row lock.
 */
export const changeSlot = async (ctx: Ctx, input: ChangeSlotInput): Promise<OrderDto> => {
  const actor = requireRole(ctx.user, 'user');
  const probe = await loadOrderInScope(ctx, ctx.em, input.orderId);
  if (probe.user.id !== actor.id) {
    throw new AppError('FORBIDDEN', 'Only the person who ordered can change the pickup time', { reason: 'OUT_OF_SCOPE' });
  }
  const schedule = await scheduleOf(ctx);
  const answer = await ctx.em.transactional(async (em) => {
    const order = await lockOrder(em, probe.id);
    if (order.pickupSlot?.id === input.slotId) return toOrderDto(em, order, schedule);
    if (order.status !== 'placed') {
      throw new AppError('PRECONDITION_FAILED', 'The kitchen has started on this order', { reason: 'ORDER_NOT_CANCELLABLE' });
    }
    assertChangeable(order, schedule);
    const pickup = await bookPickup(em, { day: order.pickupDay, slotId: input.slotId }, schedule);
    const released = order.pickupSlot ? await releaseSlot(em, { day: order.pickupDay, slotId: order.pickupSlot.id }) : null;
    order.pickupSlot = pickup.slot ? ref(em.getReference(PickupSlot, pickup.slot.id)) : null;
    order.pickupAt = pickup.at;
    await em.flush();
    await recordLiveEvents(em, [
      ticketChanged(await loadTicket(em, order.id)),
      orderMoved(order),
      ...slotsChanged(order.pickupDay, [pickup.places, released]),
    ]);
    return toOrderDto(em, order, schedule);
  });
  ctx.deps.live.wake();
  return answer;
};
