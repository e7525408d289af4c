import { z } from 'zod';
import { addDays, daysBetween, instantAt, isoWeekday } from './calendar';
import { IdSchema } from './common';
import type { OrderStatus } from './lifecycle';

/**
 * The canteen's week (docs/PRODUCT.md § Planning): pickup slots per weekday, how far ahead people may order, and
 * until when an order may still be changed. Pure rules, shared by the API (which enforces them) and the web
 * (which explains them); every day and time is in the canteen's time zone.
 */

/** A calendar day, `YYYY-MM-DD`, from the year 1900 on (PostgreSQL knows no year 0, and no canteen needs one). */
export const DaySchema = z.iso.date().refine((day) => day >= '1900-01-01', 'A day from the year 1900 on');
/** A wall-clock time of day, `HH:MM` (24 h). */
export const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24 h)');
/** ISO weekday: 1 Monday … 7 Sunday. */
export const WeekdaySchema = z.number().int().min(1).max(7);

export const MAX_PREORDER_DAYS = 14;
export const DEFAULT_PREORDER_DAYS = 5;
export const DEFAULT_CUTOFF_TIME = '10:30';

const minutesOf = (time: string): number => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
};
const timeOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** One window of pickup slots on a weekday: "every 15 minutes from 11:30 to 14:00, 20 orders each". */
export const SlotWindowSchema = z
  .object({
    from: TimeOfDaySchema,
    to: TimeOfDaySchema,
    everyMinutes: z.number().int().min(5).max(240),
    capacity: z.number().int().min(1).max(10_000),
  })
  .refine((w) => minutesOf(w.to) > minutesOf(w.from), { message: 'The window must end after it starts', path: ['to'] })
  .refine((w) => (minutesOf(w.to) - minutesOf(w.from)) / w.everyMinutes <= 96, {
    message: 'At most 96 slots a day',
    path: ['everyMinutes'],
  });
export type SlotWindow = z.infer<typeof SlotWindowSchema>;

/** The start times of a window's slots: from `from`, every `everyMinutes`, the last one starting before `to`. */
export const slotStarts = ({ from, to, everyMinutes }: Pick<SlotWindow, 'from' | 'to' | 'everyMinutes'>): string[] => {
  const starts: string[] = [];
  for (let at = minutesOf(from); at < minutesOf(to); at += everyMinutes) starts.push(timeOf(at));
  return starts;
};

/** The days one may order for on `today`: today and the next `preorderDays`. */
export const orderableDays = (today: string, preorderDays: number): string[] =>
  Array.from({ length: preorderDays + 1 }, (_, i) => addDays(today, i));

/** Whether `day` is one of the days one may order for on `today`. */
export const isOrderableDay = (day: string, today: string, preorderDays: number): boolean => {
  const ahead = daysBetween(today, day);
  return ahead >= 0 && ahead <= preorderDays;
};

export type ScheduleRules = { cutoffTime: string; timeZone: string };

/** The instant after which an order for `day` belongs to the kitchen: the cut-off time on that day. */
export const cutoffOf = (day: string, { cutoffTime, timeZone }: ScheduleRules): Date => instantAt(day, timeZone, cutoffTime);

/**
 * Whether the owner may still change (slot) or cancel an order at `now`: while it is `placed`, and until the
 * cut-off of its pickup day. An order placed after that cut-off (walking up at 12:10) may be changed while it is
 * still `placed`, as before pre-orders existed.
 */
export const isChangeableAt = (
  order: { status: OrderStatus; pickupDay: string; placedAt: Date },
  now: Date,
  rules: ScheduleRules,
): boolean => {
  if (order.status !== 'placed') return false;
  const cutoff = cutoffOf(order.pickupDay, rules).getTime();
  return now.getTime() < cutoff || order.placedAt.getTime() >= cutoff;
};

/** The instant a slot of `day` starts. */
export const slotInstant = (day: string, startsAt: string, timeZone: string): Date => instantAt(day, timeZone, startsAt);

/** Whether the slots of a weekday apply to `day`. */
export const isSlotDay = (slot: { weekday: number }, day: string): boolean => slot.weekday === isoWeekday(day);

// ── Wire shapes ─────────────────────────────────────────────────────────────────────────────────────────────────

export const PickupSlotSchema = z.object({
  id: IdSchema,
  weekday: WeekdaySchema,
  startsAt: TimeOfDaySchema,
  capacity: z.number().int(),
});
export type PickupSlot = z.infer<typeof PickupSlotSchema>;

export const SlotWeekSchema = z.object({
  days: z.array(z.object({ weekday: WeekdaySchema, slots: z.array(PickupSlotSchema) })),
});
export type SlotWeek = z.infer<typeof SlotWeekSchema>;

/** Replaces a weekday's slots: a window, or none (no pickup slots that day: orders are "as soon as possible"). */
export const SetSlotDayInputSchema = z.object({ weekday: WeekdaySchema, window: SlotWindowSchema.nullable() });
export type SetSlotDayInput = z.infer<typeof SetSlotDayInputSchema>;

export const SlotsOfDayInputSchema = z.object({ day: DaySchema });
/** A day's slots with what is left; `isOpen` false once a slot has started (or the day cannot be ordered for). */
export const SlotAvailabilitySchema = z.object({
  id: IdSchema,
  startsAt: TimeOfDaySchema,
  at: z.iso.datetime({ offset: true }),
  capacity: z.number().int(),
  left: z.number().int(),
  isOpen: z.boolean(),
});
export type SlotAvailability = z.infer<typeof SlotAvailabilitySchema>;
export const SlotsOfDaySchema = z.object({
  day: DaySchema,
  /** Whether orders for this day may be placed now (within the pre-order horizon). */
  isOrderable: z.boolean(),
  cutoffAt: z.iso.datetime({ offset: true }),
  slots: z.array(SlotAvailabilitySchema),
});
export type SlotsOfDay = z.infer<typeof SlotsOfDaySchema>;

/** The days one may order for now (today first) and until when on each an order may be changed. */
export const OrderHorizonSchema = z.object({
  today: DaySchema,
  days: z.array(DaySchema),
  cutoffTime: TimeOfDaySchema,
});
export type OrderHorizon = z.infer<typeof OrderHorizonSchema>;

/** The first slots still open with room, for a "that slot is full: try …" answer. */
export const nextFreeSlots = (slots: readonly SlotAvailability[], count = 3): SlotAvailability[] =>
  slots.filter((slot) => slot.isOpen && slot.left > 0).slice(0, count);
