import type { EntityManager } from '@mikro-orm/postgresql';
import { type NewLiveEvent, kysely, recordLiveEvents } from '@canteen/db';
import type { KitchenTicket, LiveEvent, OrderStatus } from '@canteen/shared';

/**
 * The events each change tells open screens (docs/adr/0014-kitchen-and-live-events.md), written with
 * `recordLiveEvents` in the transaction of the change. Who receives what is decided here, by audience: an order's
 * and a wallet's events go to their owner only, tickets to the kitchen, the menu to everyone signed in.
 */
const event = (audience: NewLiveEvent['audience'], payload: LiveEvent, userId: string | null = null): NewLiveEvent => ({
  audience,
  userId,
  payload,
});

/** An order entity, or the one `order.place` just wrote. */
type MovedOrder = { id: string; user: { id: string }; status: OrderStatus; statusChangedAt: Date };

export const orderMoved = (order: MovedOrder): NewLiveEvent =>
  event(
    'user',
    { type: 'order', orderId: order.id, status: order.status, statusChangedAt: order.statusChangedAt.toISOString() },
    order.user.id,
  );

export const walletChanged = (userId: string): NewLiveEvent => event('user', { type: 'wallet' }, userId);

export const ticketChanged = (ticket: KitchenTicket): NewLiveEvent => event('kitchen', { type: 'ticket', ticket });

/** Places left in the slots of a day an order booked, left or gave back (none: no event). */
export const slotsChanged = (day: string, slots: readonly ({ id: string; left: number } | null)[]): NewLiveEvent[] => {
  const changed = slots.filter((slot) => slot !== null);
  return changed.length ? [event('all', { type: 'slots', day, slots: changed })] : [];
};

type MenuItem = { id: string; stock: number | null; isActive: boolean };
export const menuChanged = (products: MenuItem[]): NewLiveEvent[] =>
  products.length ? [event('all', { type: 'menu', products })] : [];

/** The dishes as they are now in this transaction (after a stock or availability change), as one menu event. */
export const menuChangedFor = async (
  em: EntityManager,
  productIds: readonly string[],
  { trackedOnly = false }: { trackedOnly?: boolean } = {},
): Promise<NewLiveEvent[]> => {
  if (productIds.length === 0) return [];
  let query = kysely(em)
    .selectFrom('Product')
    .select(['id', 'stock', 'isActive'])
    .where('id', 'in', [...productIds]);
  if (trackedOnly) query = query.where('stock', 'is not', null);
  return menuChanged(await query.orderBy('id').execute());
};

export { recordLiveEvents };
