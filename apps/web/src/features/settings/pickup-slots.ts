import { type PickupSlot, type SlotWindow, SlotWindowSchema, TimeOfDaySchema } from '@canteen/shared';
import { addDays } from '@canteen/shared/calendar';
import { asDay, formatNumber } from '../../lib/format';
import { parseCount } from '../../lib/form';
import { formattingLocale, i18next } from '../../lib/i18n';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** What a weekday without slots starts from when the admin switches slots on. */
export const DEFAULT_WINDOW: SlotWindow = { from: '11:30', to: '14:00', everyMinutes: 15, capacity: 20 };

const minutesOf = (time: string): number => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
};
const timeOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const LAST_MINUTE = 23 * 60 + 59;

/**
 * The window a weekday's slots were cut from (slot.setDay always cuts one): its first start, the end of its last
 * slot, the step between starts and their capacity. Null for a day without slots.
 */
export const windowOf = (slots: readonly Pick<PickupSlot, 'startsAt' | 'capacity'>[]): SlotWindow | null => {
  const [first, second] = slots;
  const last = slots.at(-1);
  if (!first || !last) return null;
  const everyMinutes = second ? minutesOf(second.startsAt) - minutesOf(first.startsAt) : DEFAULT_WINDOW.everyMinutes;
  return {
    from: first.startsAt,
    to: timeOf(Math.min(minutesOf(last.startsAt) + everyMinutes, LAST_MINUTE)),
    everyMinutes,
    capacity: first.capacity,
  };
};

/** How many start times are spelled out before the list is shortened. */
const SPELLED_OUT = 5;

/** Slot start times as one short line: all of a few; else the first three, "…" and the last. */
export const startTimesLine = (starts: readonly string[]): string =>
  starts.length <= SPELLED_OUT ? starts.join(', ') : [...starts.slice(0, 3), '…', starts.at(-1)].join(', ');

const weekdayNames = new Map<string, Intl.DateTimeFormat>();
/** 2024-01-01 was a Monday: ISO weekday n is n - 1 days after it. */
const A_MONDAY = '2024-01-01';

/** An ISO weekday (1 Monday … 7 Sunday) by name in the language shown: "Monday", "Montag". */
export const weekdayName = (weekday: number): string => {
  const locale = formattingLocale();
  let format = weekdayNames.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    weekdayNames.set(locale, format);
  }
  return format.format(asDay(addDays(A_MONDAY, weekday - 1)));
};

const { shape } = SlotWindowSchema;
const EVERY_MINUTES = { min: shape.everyMinutes.minValue ?? 5, max: shape.everyMinutes.maxValue ?? 240 };
const CAPACITY = { min: shape.capacity.minValue ?? 1, max: shape.capacity.maxValue ?? 10_000 };

/** A window as typed in the form: times as `HH:MM`, numbers as digits. */
export type SlotWindowText = { from: string; to: string; everyMinutes: string; capacity: string };

/** The window the form describes, or null while a field does not read as one. */
export const windowFromText = (text: SlotWindowText): SlotWindow | null => {
  const everyMinutes = parseCount(text.everyMinutes);
  const capacity = parseCount(text.capacity);
  if (everyMinutes === null || capacity === null) return null;
  const window = { from: text.from, to: text.to, everyMinutes, capacity };
  return SlotWindowSchema.safeParse(window).success ? window : null;
};

/**
 * What is wrong with a typed window, by field, in the language shown: the checks of the API's SlotWindowSchema
 * (its own messages are English), each field first, then the window as a whole (ends after it starts, not too
 * many slots).
 */
export const windowProblems = (text: SlotWindowText): Partial<Record<keyof SlotWindowText, string>> => {
  const problems: Partial<Record<keyof SlotWindowText, string>> = {};
  const timeInvalid = i18next.t('settings:slots.form.timeInvalid');
  if (!TimeOfDaySchema.safeParse(text.from).success) problems.from = timeInvalid;
  if (!TimeOfDaySchema.safeParse(text.to).success) problems.to = timeInvalid;
  const everyMinutes = parseCount(text.everyMinutes);
  if (everyMinutes === null || everyMinutes < EVERY_MINUTES.min || everyMinutes > EVERY_MINUTES.max) {
    problems.everyMinutes = i18next.t('settings:slots.form.everyInvalid', EVERY_MINUTES);
  }
  const capacity = parseCount(text.capacity);
  if (capacity === null || capacity < CAPACITY.min || capacity > CAPACITY.max) {
    problems.capacity = i18next.t('settings:slots.form.capacityInvalid', { max: formatNumber(CAPACITY.max) });
  }
  if (Object.keys(problems).length > 0) return problems;
  const result = SlotWindowSchema.safeParse({ ...text, everyMinutes, capacity });
  for (const issue of result.error?.issues ?? []) {
    if (issue.path[0] === 'to') problems.to ??= i18next.t('settings:slots.form.toAfterFrom');
    else if (issue.path[0] === 'everyMinutes') problems.everyMinutes ??= i18next.t('settings:slots.form.tooMany');
  }
  return problems;
};
