import { LockMode, ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Order, type SlotLeft, User, putBackPlannedDish, putBackStock, releaseSlot } from '@canteen/db';
import { type Mover, type OrderStatus, decideMove } from '@canteen/shared';
import { AppError } from '../../errors';
import { refundOrderSpends } from '../wallet/ledger';

/**
 * The order lifecycle's moves on an order row (the rule itself is `decideMove` in @canteen/shared). Each runs in
 * the caller's transaction, after the caller locked the order (`lockOrder`), so two moves of one order take turns:
 * a cancel and the kitchen's "preparing" at the same moment end with exactly one of them applied.
 */

/** Locks the order's row until the transaction ends and reads it fresh; NOT_FOUND when there is none. */
export const lockOrder = async (em: EntityManager, orderId: string): Promise<Order> =>
  em.findOneOrFail(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });

const REFUSALS = {
  ORDER_NOT_CANCELLABLE: 'The kitchen has started on this order: it can no longer be cancelled',
  ORDER_STATUS_CHANGED: 'This order has moved on since you looked: reload it',
  INVALID_TRANSITION: 'That step is not possible from where this order is',
} as const;

/**
 * Whether to apply the move: true when the order should move, false when it is already there (a retry: nothing to
 * do, and the caller answers as if it had just happened). Throws the typed refusal otherwise.
 */
export const shouldMove = (order: Order, request: { to: OrderStatus; by: Mover; from?: OrderStatus | undefined }): boolean => {
  const verdict = decideMove(order.status, request);
  if (verdict === 'apply') return true;
  if (verdict === 'unchanged') return false;
  throw new AppError('PRECONDITION_FAILED', REFUSALS[verdict], { reason: verdict });
};

/** Sets the status and its time stamps (flushed by the caller, audited with it). */
export const stampStatus = (order: Order, to: OrderStatus, at = new Date()): void => {
  order.status = to;
  order.statusChangedAt = at;
  if (to === 'ready') order.readyAt = at;
  if (to === 'collected') order.collectedAt = at;
  // A step back (an undo) takes away the stamp of the step it undoes.
  if (to === 'preparing') order.readyAt = null;
  if (to === 'ready') order.collectedAt = null;
  if (to === 'cancelled') order.cancelledAt = at;
  if (to === 'refunded') order.refundedAt = at;
};

/**
 * Cancelling or refunding: the status, then the stock (and the pickup slot's place) back and each payer's share back; returns
 * what the slot has left then. The caller holds the
 * eater's wallet lock and the order's row lock. The order's change is flushed before its refund entries: the
 * report summaries' triggers then lock rows in the same order as a placement does (sales day, dishes, then
 * funding), so the two cannot deadlock.
 */
export const returnOrderMoney = async (
  em: EntityManager,
  order: Order,
  { to, actorId, note }: { to: 'cancelled' | 'refunded'; actorId: string; note: string | null },
): Promise<SlotLeft | null> => {
  await em.populate(order, ['lines']);
  for (const line of order.lines) {
    // A daily dish goes back to its day of the plan, any other to the dish's stock.
    if (line.planDay) await putBackPlannedDish(em, { day: line.planDay, productId: line.product.id, quantity: line.quantity });
    else await putBackStock(em, line.product.id, line.quantity);
  }
  const released = order.pickupSlot ? await releaseSlot(em, { day: order.pickupDay, slotId: order.pickupSlot.id }) : null;
  stampStatus(order, to);
  if (to === 'refunded') {
    order.refundedBy = ref(em.getReference(User, actorId));
    order.refundReason = note;
  }
  await em.flush();
  await refundOrderSpends(em, order, {
    createdBy: em.getReference(User, actorId),
    note: note ?? (to === 'cancelled' ? 'Cancelled' : 'Refund'),
  });
  await em.flush();
  return released;
};
