import type { EntityManager } from '@mikro-orm/postgresql';
import { type SqlBool, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { kysely } from '@canteen/db';
import { type KitchenTicket, OPEN_STATUSES } from '@canteen/shared';

/** Most tickets the display holds; a canteen with more open orders than this has a bigger problem than the screen. */
export const MAX_OPEN_TICKETS = 500;

/** Orders the counter looks among: the last day's (a number's last digits repeat over weeks). */
const COUNTER_WINDOW_MS = 24 * 3_600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^#?([0-9a-f]{4,32})$/i;

type TicketFilter = { orderIds: readonly string[] } | { openOn: string } | { code: string };

/** Orders as kitchen tickets: the eater's name, the lines, the times; never a price. */
export const loadTickets = async (em: EntityManager, filter: TicketFilter): Promise<KitchenTicket[]> => {
  let query = kysely(em)
    .selectFrom('Order as o')
    .innerJoin('User as u', 'u.id', 'o.user')
    .select((eb) => [
      'o.id',
      'o.status',
      'u.name as userName',
      eb('o.placedBy', '!=', eb.ref('o.user')).as('isTillOrder'),
      'o.createdAt',
      'o.statusChangedAt',
      'o.pickupDay',
      'o.pickupAt',
      jsonArrayFrom(
        eb
          .selectFrom('OrderLine as l')
          .select(['l.product as productId', 'l.productName as productName', 'l.quantity as quantity', 'l.options', 'l.note'])
          .whereRef('l.order', '=', 'o.id')
          .orderBy('l.id'),
      ).as('lines'),
    ]);
  if ('code' in filter) {
    // A receipt's QR code carries the order id; people read out the number (its last hex digits).
    const code = filter.code.trim();
    const suffix = NUMBER.exec(code)?.[1]?.toLowerCase();
    if (UUID.test(code)) query = query.where('o.id', '=', code.toLowerCase());
    else if (suffix) {
      query = query
        .where('o.createdAt', '>=', new Date(Date.now() - COUNTER_WINDOW_MS))
        .where(sql<SqlBool>`replace(o.id::text, '-', '') like ${`%${suffix}`}`);
    } else return [];
    query = query.orderBy('o.createdAt', 'desc').limit(5);
  } else {
    query =
      'openOn' in filter
        ? query
            .where('o.status', 'in', OPEN_STATUSES)
            // Pre-orders for a later day wait for their day.
            .where('o.pickupDay', '<=', filter.openOn)
            // Flagged at the end of their day: a manager's now, off the display.
            .where('o.uncollectedAt', 'is', null)
            // The kitchen cooks to the slots: walk-ups (no slot) as they come, slots by their time.
            .orderBy(sql`coalesce(o.pickup_at, o.created_at)`)
            .orderBy('o.createdAt')
            .orderBy('o.id')
            .limit(MAX_OPEN_TICKETS)
        : query.where('o.id', 'in', [...filter.orderIds]);
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    userName: row.userName,
    isTillOrder: Boolean(row.isTillOrder),
    createdAt: row.createdAt.toISOString(),
    statusChangedAt: row.statusChangedAt.toISOString(),
    pickupDay: row.pickupDay,
    pickupAt: row.pickupAt?.toISOString() ?? null,
    lines: row.lines.map((line) => ({
      productId: line.productId,
      productName: line.productName,
      quantity: line.quantity,
      options: line.options.map(({ groupName, name }) => ({ groupName, name })),
      note: line.note ?? null,
    })),
  }));
};

export const loadTicket = async (em: EntityManager, orderId: string): Promise<KitchenTicket> => {
  const [ticket] = await loadTickets(em, { orderIds: [orderId] });
  return ticket!;
};
