import type { KitchenTicket, PlanDish, PlanWeek, ProductDto, SlotAvailability } from '@canteen/shared';
import { addDays, daysBetween, timeIn } from '@canteen/shared/calendar';
import { MAX_PREORDER_DAYS } from '@canteen/shared';
import { formattingLocale, i18next } from './i18n';

/*
 * Pickup days and times as the web shows them (docs/adr/0017-week-plan.md): the days one may order for, the dishes
 * a day serves, the slot a checkout starts with and the kitchen's groups by slot. Days are `YYYY-MM-DD` in the
 * canteen's zone (`canteenToday()`), never the device's.
 */

/** Today and every day a setting could allow ordering for: what a day asked for may be while the API has not answered. */
export const candidateDays = (today: string): string[] =>
  Array.from({ length: MAX_PREORDER_DAYS + 1 }, (_, ahead) => addDays(today, ahead));

/**
 * The days one may order for: today, then the API's days after it (`slot.horizon`), so a page left open past
 * midnight starts at today and never offers a day gone by.
 */
export const orderableDaysFrom = (today: string, horizon: readonly string[] | undefined): string[] => [
  today,
  ...(horizon ?? []).filter((day) => day > today),
];

/**
 * The daily dishes of a day, by dish id: its published plan's. A day still being planned lists none (managers
 * see the drafts in `plan.week`, but nobody may order from them yet).
 */
export const plannedDishesOf = (week: PlanWeek | undefined, day: string): Map<string, PlanDish> => {
  const planDay = week?.days.find((candidate) => candidate.day === day);
  return new Map(planDay?.publishedAt ? planDay.dishes.map((dish) => [dish.productId, dish]) : []);
};

/** A dish on a day: whether it is served, how many are left (null: not counted), and the plan's entry for a daily dish. */
export type DayOffer = { isServed: boolean; stock: number | null; plan: PlanDish | null };

/**
 * Every-day dishes are served every day with their shelf's stock; a daily dish only when the day's plan lists it,
 * with what is left of the day's planned quantity. `planned` undefined (not known yet): no daily dish.
 */
export const offerOn = (
  product: Pick<ProductDto, 'id' | 'isScheduled' | 'stock'>,
  planned: ReadonlyMap<string, PlanDish> | undefined,
): DayOffer => {
  if (!product.isScheduled) return { isServed: true, stock: product.stock, plan: null };
  const plan = planned?.get(product.id) ?? null;
  return { isServed: plan !== null, stock: plan ? plan.left : null, plan };
};

/** A slot one can still book: not started, with room. */
export const isBookable = (slot: Pick<SlotAvailability, 'isOpen' | 'left'>): boolean => slot.isOpen && slot.left > 0;

/**
 * The slot a checkout books: the one chosen while it can still be booked, else the first that can. Null: none can
 * (no slots that day, or all taken or started), so the order is for "as soon as possible".
 */
export const slotToBook = (slots: readonly SlotAvailability[], chosenId: string | null): string | null => {
  const chosen = slots.find((slot) => slot.id === chosenId);
  if (chosen && isBookable(chosen)) return chosen.id;
  return slots.find(isBookable)?.id ?? null;
};

/** Tickets of one pickup time (`at` null: as soon as possible), in the queue's order. */
export type SlotGroup<T> = { at: string | null; tickets: T[] };

/**
 * The kitchen's column by pickup time: one group per slot, earliest first, then the orders for as soon as
 * possible. Within a group the tickets keep the queue's order (oldest first).
 */
export const groupBySlot = <T extends Pick<KitchenTicket, 'pickupAt'>>(tickets: readonly T[]): SlotGroup<T>[] => {
  const groups = new Map<string | null, T[]>();
  for (const ticket of tickets) {
    const key = ticket.pickupAt === null ? null : new Date(ticket.pickupAt).toISOString();
    const group = groups.get(key);
    if (group) group.push(ticket);
    else groups.set(key, [ticket]);
  }
  return [...groups]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([at, grouped]) => ({ at, tickets: grouped }));
};

const DAY_STYLES = {
  weekday: { weekday: 'short' },
  short: { weekday: 'short', day: 'numeric', month: 'short' },
  long: { weekday: 'long', day: 'numeric', month: 'long' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day in the language shown; a day is not an instant, so no time zone shifts it. */
const formatDay = (day: string, style: keyof typeof DAY_STYLES): string => {
  const locale = formattingLocale();
  const key = `${style}|${locale}`;
  let found = dayFormats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...DAY_STYLES[style], timeZone: 'UTC' });
    dayFormats.set(key, found);
  }
  return found.format(new Date(`${day}T00:00:00Z`));
};

/** "Today", "Tomorrow", else "Wed 9" (compact, for a chip), in the language shown. */
export const dayChipLabel = (day: string, today: string): string => {
  const ahead = daysBetween(today, day);
  if (ahead === 0) return i18next.t('common:pickup.today');
  if (ahead === 1) return i18next.t('common:pickup.tomorrow');
  return i18next.t('common:pickup.chip', { weekday: formatDay(day, 'weekday'), day: Number(day.slice(8)) });
};

/** "Tue 8 Dec" */
export const formatPickupDay = (day: string): string => formatDay(day, 'short');

/** "Tuesday 8 December" */
export const formatPickupDayLong = (day: string): string => formatDay(day, 'long');

/** A pickup instant's wall-clock time in the canteen's zone, "12:15" (slots are set in 24-hour `HH:MM`). */
export const formatPickupTime = (at: string, timeZone: string): string => timeIn(new Date(at), timeZone);

/** "Tue 8 Dec, 12:15" or "Tue 8 Dec, as soon as possible". */
export const formatPickup = (day: string, at: string | null, timeZone: string): string =>
  i18next.t('common:pickup.at', {
    day: formatPickupDay(day),
    time: at ? formatPickupTime(at, timeZone) : i18next.t('common:pickup.asapLower'),
  });
