import { kysely } from '@canteen/db';
import { sql } from 'kysely';
import {
  type KitchenQueue,
  type KitchenTicket,
  type ProductionSheet,
  type SetKitchenStatusInput,
  allDayCounts,
  dayIn,
  productionSheetOf,
} from '@canteen/shared';
import { requireRole } from '../../lib/access';
import { domain } from '../../lib/metrics';
import type { ContextInner } from '../../trpc/context';
import { orderMoved, recordLiveEvents, ticketChanged } from '../live/live.events';
import { lockOrder, shouldMove, stampStatus } from '../order/order.lifecycle';
import { loadTicket, loadTickets } from './kitchen.tickets';

type Ctx = Pick<ContextInner, 'em' | 'user' | 'deps'>;

/** The display: open orders oldest first, and what is still to prepare by dish. No money in either. */
export const getQueue = async (ctx: Ctx): Promise<KitchenQueue> => {
  requireRole(ctx.user, 'kitchen');
  const tickets = await loadTickets(ctx.em, { openOn: dayIn(new Date(), ctx.deps.canteen.timeZone) });
  return { tickets, allDay: allDayCounts(tickets) };
};

/** The counter: the orders a shown number or scanned code names (today's, newest first; usually one). */
export const lookUp = async (ctx: Ctx, code: string): Promise<{ tickets: KitchenTicket[] }> => {
  requireRole(ctx.user, 'kitchen');
  return { tickets: await loadTickets(ctx.em, { code }) };
};

/**
 * One tap on a ticket: placed -> preparing -> ready -> collected, or one step back. In one transaction under the
 * order's row lock, so it takes turns with the owner's cancel; audited through the flush; the owner's screens and
 * every kitchen display are told. Asking again for where the order already is answers without a change.
 */
export const setStatus = async (ctx: Ctx, input: SetKitchenStatusInput): Promise<KitchenTicket> => {
  requireRole(ctx.user, 'kitchen');
  const outcome = { isMoved: false };
  const ticket = await ctx.em.transactional(async (em) => {
    const order = await lockOrder(em, input.orderId);
    if (!shouldMove(order, { to: input.status, by: 'kitchen', from: input.from })) return loadTicket(em, order.id);
    stampStatus(order, input.status);
    await em.flush();
    const moved = await loadTicket(em, order.id);
    await recordLiveEvents(em, [ticketChanged(moved), orderMoved(order)]);
    if (order.status === 'ready') {
      await ctx.deps.notifier.notify(em, [{ userId: order.user.id, kind: 'order_ready', payload: { orderId: order.id } }]);
    }
    outcome.isMoved = true;
    return moved;
  });
  if (outcome.isMoved) {
    ctx.deps.live.wake();
    domain.ordersMoved.inc({ status: input.status });
  }
  return ticket;
};

/**
 * What to cook for a day: every order for it that still stands (not cancelled or refunded), by dish, with how many
 * come with each option and per pickup slot, and the lines with a note. Read from the replica when there is one is
 * not worth it: the kitchen prints this a few times a day.
 */
export const getProductionSheet = async (ctx: Pick<Ctx, 'em' | 'user'>, day: string): Promise<ProductionSheet> => {
  requireRole(ctx.user, 'kitchen');
  const lines = await kysely(ctx.em)
    .selectFrom('OrderLine as l')
    .innerJoin('Order as o', 'o.id', 'l.order')
    .innerJoin('User as u', 'u.id', 'o.user')
    .leftJoin('PickupSlot as s', 's.id', 'o.pickupSlot')
    .select([
      'o.id as orderId',
      'o.status',
      'u.name as userName',
      's.startsAt',
      'l.product as productId',
      'l.productName',
      'l.quantity',
      'l.options',
      'l.note',
    ])
    .where('o.pickupDay', '=', day)
    .where('o.status', 'not in', ['cancelled', 'refunded'])
    .orderBy(sql`coalesce(o.pickup_at, o.created_at)`)
    .orderBy('o.id')
    .orderBy('l.id')
    .execute();
  return productionSheetOf(
    day,
    lines.map((line) => ({ ...line, startsAt: line.startsAt ?? null, note: line.note ?? null })),
  );
};
