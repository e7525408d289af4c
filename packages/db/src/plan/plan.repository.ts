import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { kysely } from '../query';

// The week plan's counters (slot bookings, a scheduled dish's sales of a day) move by one conditional statement
// each, in the order's transaction: the condition is what stops a rush from overbooking a slot or a day's dish.

/** A slot of a day after a booking or a release: how many places it has left (what open slot pickers show). */
export type SlotLeft = { id: string; left: number };

/**
 * Books one order into a slot of a day if it has room (the slot active, on that weekday): what it has left then,
 * or null when it is full or not bookable. The booking row is created on the first order; concurrent orders queue
 * on its row lock.
 */
export const bookSlot = async (
  em: SqlEntityManager,
  { day, slotId }: { day: string; slotId: string },
): Promise<SlotLeft | null> => {
  const { rows } = await sql<{ left: number }>`
    insert into slot_booking (day, slot_id, booked)
    select ${day}::date, s.id, 1 from pickup_slot s
    where s.id = ${slotId} and s.is_active and s.weekday = extract(isodow from ${day}::date)
    on conflict (day, slot_id) do update set booked = slot_booking.booked + 1
    where slot_booking.booked < (select capacity from pickup_slot where id = excluded.slot_id)
    returning greatest(0, (select capacity from pickup_slot where id = slot_booking.slot_id) - booked)::int as left`.execute(
    kysely(em),
  );
  return rows[0] ? { id: slotId, left: rows[0].left } : null;
};

/** Gives a slot's place back (a cancel, a refund, a move to another slot): what it has left then (null: none booked). */
export const releaseSlot = async (
  em: SqlEntityManager,
  { day, slotId }: { day: string; slotId: string },
): Promise<SlotLeft | null> => {
  const { rows } = await sql<{ left: number }>`
    update slot_booking b set booked = b.booked - 1 from pickup_slot s
    where b.day = ${day}::date and b.slot_id = ${slotId} and b.booked > 0 and s.id = b.slot_id
    returning greatest(0, s.capacity - b.booked)::int as left`.execute(kysely(em));
  return rows[0] ? { id: slotId, left: rows[0].left } : null;
};

export type DaySlot = { id: string; startsAt: string; capacity: number; booked: number };

/** The active slots of the day's weekday, in time order, with how many orders each holds that day. */
export const slotsOfDay = async (em: SqlEntityManager, day: string): Promise<DaySlot[]> => {
  const { rows } = await sql<{ id: string; starts_at: string; capacity: number; booked: number }>`
    select s.id, s.starts_at, s.capacity, coalesce(b.booked, 0)::int as booked
    from pickup_slot s left join slot_booking b on b.slot_id = s.id and b.day = ${day}::date
    where s.is_active and s.weekday = extract(isodow from ${day}::date)
    order by s.starts_at`.execute(kysely(em));
  return rows.map((row) => ({ id: row.id, startsAt: row.starts_at, capacity: row.capacity, booked: row.booked }));
};

export type PlannedDish = {
  productId: string;
  /** On the published plan of that day. */
  isPlanned: boolean;
  plannedQuantity: number | null;
  /** Sold before this order. */
  sold: number;
  isTaken: boolean;
};

/**
 * Takes the quantities of scheduled dishes from the published plan of `day`, never beyond the planned quantity,
 * in one statement (plan rows locked in dish order, so two baskets cannot deadlock). The caller rolls back when a
 * dish is not planned or short.
 */
export const takePlannedDishes = async (
  em: SqlEntityManager,
  day: string,
  quantities: ReadonlyMap<string, number>,
): Promise<PlannedDish[]> => {
  const ids = [...quantities.keys()];
  const counts = ids.map((id) => quantities.get(id)!);
  const { rows } = await sql<{
    product_id: string;
    is_planned: boolean;
    planned_quantity: number | null;
    sold: number | null;
    is_taken: boolean;
  }>`
    with wanted as (select * from unnest(${ids}::uuid[], ${counts}::int[]) as w(id, quantity)),
    planned as (
      select d.product_id, d.planned_quantity, d.sold from menu_day_dish d
      join menu_day m on m.day = d.day and m.published_at is not null
      join wanted w on w.id = d.product_id
      where d.day = ${day}::date order by d.product_id for update of d),
    taken as (
      update menu_day_dish d set sold = d.sold + w.quantity
      from wanted w join planned p on p.product_id = w.id
      where d.day = ${day}::date and d.product_id = w.id
        and (d.planned_quantity is null or d.sold + w.quantity <= d.planned_quantity)
      returning d.product_id)
    select w.id as product_id, p.product_id is not null as is_planned, p.planned_quantity, p.sold,
      exists (select 1 from taken t where t.product_id = w.id) as is_taken
    from wanted w left join planned p on p.product_id = w.id`.execute(kysely(em));
  return rows.map((row) => ({
    productId: row.product_id,
    isPlanned: row.is_planned,
    plannedQuantity: row.planned_quantity,
    sold: row.sold ?? 0,
    isTaken: row.is_taken,
  }));
};

/** Puts a scheduled dish's quantity back on its plan day (a cancel or a refund). */
export const putBackPlannedDish = async (
  em: SqlEntityManager,
  { day, productId, quantity }: { day: string; productId: string; quantity: number },
): Promise<void> => {
  await sql`update menu_day_dish set sold = greatest(0, sold - ${quantity})
    where day = ${day}::date and product_id = ${productId}`.execute(kysely(em));
};
