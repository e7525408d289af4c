import { PickupSlot, slotsOfDay } from '@canteen/db';
import {
  type OrderHorizon,
  type SetSlotDayInput,
  type SlotWeek,
  type SlotsOfDay,
  cutoffOf,
  isOrderableDay,
  orderableDays,
  slotStarts,
} from '@canteen/shared';
import { requireRole } from '../../lib/access';
import type { ContextInner } from '../../trpc/context';
import { availabilityOf, scheduleOf } from '../plan/schedule';

type Ctx = Pick<ContextInner, 'em' | 'user' | 'deps'>;

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** Every weekday's active pickup slots, in time order (the admin's settings; the web's slot picker knows them). */
export const getWeek = async (ctx: Ctx): Promise<SlotWeek> => {
  requireRole(ctx.user, 'signedIn');
  const slots = await ctx.em.find(PickupSlot, { isActive: true }, { orderBy: { weekday: 'asc', startsAt: 'asc' } });
  return {
    days: WEEKDAYS.map((weekday) => ({
      weekday,
      slots: slots
        .filter((slot) => slot.weekday === weekday)
        .map((slot) => ({ id: slot.id, weekday, startsAt: slot.startsAt, capacity: slot.capacity })),
    })),
  };
};

/**
 * Sets a weekday's slots anew from a window (or none). Slots of the old set that the new one repeats keep their
 * id (and their bookings, with the new capacity); the others are retired, never deleted: orders point at them.
 */
export const setDay = async (ctx: Ctx, input: SetSlotDayInput): Promise<SlotWeek> => {
  requireRole(ctx.user, 'admin');
  await ctx.em.transactional(async (em) => {
    const existing = await em.find(PickupSlot, { weekday: input.weekday });
    const starts = new Set(input.window ? slotStarts(input.window) : []);
    for (const slot of existing) {
      slot.isActive = starts.has(slot.startsAt);
      if (slot.isActive && input.window) slot.capacity = input.window.capacity;
      starts.delete(slot.startsAt);
    }
    for (const startsAt of starts) {
      em.create(PickupSlot, { weekday: input.weekday, startsAt, capacity: input.window!.capacity, isActive: true });
    }
    await em.flush();
  });
  return getWeek(ctx);
};

/** A day's slots with what is left in each, for the slot picker; whether the day can be ordered for, and its cut-off. */
export const getDay = async (ctx: Ctx, day: string): Promise<SlotsOfDay> => {
  requireRole(ctx.user, 'signedIn');
  const schedule = await scheduleOf(ctx);
  return {
    day,
    isOrderable: isOrderableDay(day, schedule.today, schedule.preorderDays),
    cutoffAt: cutoffOf(day, schedule).toISOString(),
    slots: availabilityOf(day, await slotsOfDay(ctx.em, day), schedule),
  };
};

/** The days one may order for now (the menu's day picker), and the cut-off time of each. */
export const getHorizon = async (ctx: Ctx): Promise<OrderHorizon> => {
  requireRole(ctx.user, 'signedIn');
  const schedule = await scheduleOf(ctx);
  return {
    today: schedule.today,
    days: orderableDays(schedule.today, schedule.preorderDays),
    cutoffTime: schedule.cutoffTime,
  };
};
