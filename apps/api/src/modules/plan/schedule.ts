import type { EntityManager } from '@mikro-orm/postgresql';
import { type DaySlot, type SlotLeft, bookSlot, slotsOfDay } from '@canteen/db';
import { type ScheduleRules, type SlotAvailability, dayIn, isOrderableDay, nextFreeSlots, slotInstant } from '@canteen/shared';
import { AppError } from '../../errors';
import type { ContextInner } from '../../trpc/context';

/** The canteen's week as of now: its rules (settings, time zone) and today in its zone. */
export type Schedule = ScheduleRules & { preorderDays: number; now: Date; today: string };

export const scheduleOf = async (ctx: Pick<ContextInner, 'em' | 'deps'>): Promise<Schedule> => {
  const settings = await ctx.deps.settings.get(ctx.em);
  const now = new Date();
  const { timeZone } = ctx.deps.canteen;
  return { cutoffTime: settings.cutoffTime, preorderDays: settings.preorderDays, timeZone, now, today: dayIn(now, timeZone) };
};

/** A day's slots as people see them: when each starts, what is left, and whether it can still be booked. */
export const availabilityOf = (day: string, slots: readonly DaySlot[], schedule: Schedule): SlotAvailability[] => {
  const isDayOpen = isOrderableDay(day, schedule.today, schedule.preorderDays);
  return slots.map((slot) => {
    const at = slotInstant(day, slot.startsAt, schedule.timeZone);
    return {
      id: slot.id,
      startsAt: slot.startsAt,
      at: at.toISOString(),
      capacity: slot.capacity,
      left: Math.max(0, slot.capacity - slot.booked),
      isOpen: isDayOpen && at.getTime() > schedule.now.getTime(),
    };
  });
};

export const assertOrderableDay = (day: string, schedule: Schedule): void => {
  if (!isOrderableDay(day, schedule.today, schedule.preorderDays)) {
    throw new AppError(
      'BAD_REQUEST',
      schedule.preorderDays === 0
        ? 'Orders are for today only'
        : `Orders are for today and the next ${schedule.preorderDays} days only`,
      { reason: 'PICKUP_DAY_NOT_ORDERABLE' },
    );
  }
};

const slotFull = (slots: readonly SlotAvailability[], fullId: string | null) => {
  const next = nextFreeSlots(slots.filter((slot) => slot.id !== fullId));
  return new AppError(
    'PRECONDITION_FAILED',
    next.length > 0
      ? `That pickup time is full. Still free: ${next.map((slot) => slot.startsAt).join(', ')}`
      : 'Every pickup time of that day is full',
    { reason: 'SLOT_FULL', details: { nextSlots: next } },
  );
};

/** The slot an order got (null: as soon as possible), and what that slot has left now (for open slot pickers). */
export type BookedPickup = { slot: { id: string; startsAt: string } | null; at: Date | null; places: SlotLeft | null };

const booked = (slot: SlotAvailability, places: SlotLeft): BookedPickup => ({
  slot: { id: slot.id, startsAt: slot.startsAt },
  at: new Date(slot.at),
  places,
});

/**
 * Books the pickup slot of an order being placed, in its transaction: the one asked for (refused when full, with
 * the next free ones), else the earliest with room. With none free (or none configured), an order for today is
 * "as soon as possible" (walking up to the counter still works); a later day with full slots is refused.
 */
export const bookPickup = async (
  em: EntityManager,
  request: { day: string; slotId: string | undefined },
  schedule: Schedule,
): Promise<BookedPickup> => {
  const { day, slotId } = request;
  const slots = availabilityOf(day, await slotsOfDay(em, day), schedule);
  if (slotId) {
    const slot = slots.find((candidate) => candidate.id === slotId);
    if (!slot?.isOpen) {
      throw new AppError('PRECONDITION_FAILED', 'That pickup time is not available on that day', {
        reason: 'SLOT_NOT_AVAILABLE',
        details: { nextSlots: nextFreeSlots(slots) },
      });
    }
    const places = await bookSlot(em, { day, slotId });
    if (!places) throw slotFull(slots, slotId);
    return booked(slot, places);
  }
  for (const slot of slots) {
    if (!slot.isOpen || slot.left === 0) continue;
    // Another order may take the last place between the read and the booking: then the next slot is tried.
    const places = await bookSlot(em, { day, slotId: slot.id });
    if (places) return booked(slot, places);
  }
  if (day === schedule.today || slots.length === 0) return { slot: null, at: null, places: null };
  throw slotFull(slots, null);
};
