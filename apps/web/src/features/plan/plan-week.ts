import { MAX_PLANNED_QUANTITY, type PlanDay } from '@canteen/shared';
import { addDays, isoWeekday } from '@canteen/shared/calendar';
import { asDay } from '../../lib/format';
import { parseCount } from '../../lib/form';
import { formattingLocale } from '../../lib/i18n';

/** The Monday of the week a calendar day (`YYYY-MM-DD`, the canteen's) is in. */
export const mondayOf = (day: string): string => addDays(day, 1 - isoWeekday(day));

export type WeekStatus = 'empty' | 'draft' | 'published' | 'mixed';

/**
 * Where a week stands, by its days with dishes: none, all drafts, all published, or some of each. A published
 * day whose dishes were all taken off later counts as nothing planned (Unpublish still takes it back).
 */
export const weekStatus = (days: readonly PlanDay[]): { status: WeekStatus; drafts: number; isAnyPublished: boolean } => {
  const planned = days.filter((day) => day.dishes.length > 0);
  const drafts = planned.filter((day) => day.publishedAt === null).length;
  const isAnyPublished = days.some((day) => day.publishedAt !== null);
  if (planned.length === 0) return { status: 'empty', drafts, isAnyPublished };
  if (drafts === 0) return { status: 'published', drafts, isAnyPublished };
  return { status: drafts === planned.length ? 'draft' : 'mixed', drafts, isAnyPublished };
};

/** How many daily dishes are ordered for the week's published days: orders that stay when the week is taken back. */
export const orderedOnPublished = (days: readonly PlanDay[]): number =>
  days
    .filter((day) => day.publishedAt !== null)
    .reduce((total, day) => total + day.dishes.reduce((sum, dish) => sum + dish.sold, 0), 0);

/** A planned quantity as typed: empty is "no limit" (null), a whole number in range is itself, anything else undefined. */
export const parsePlannedQuantity = (text: string): number | null | undefined => {
  if (text.trim() === '') return null;
  const count = parseCount(text);
  return count !== null && count <= MAX_PLANNED_QUANTITY ? count : undefined;
};

const DAY_NAMES = {
  weekday: { weekday: 'long' },
  date: { day: 'numeric', month: 'short' },
  full: { weekday: 'long', day: 'numeric', month: 'long' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
const dayNames = new Map<string, Intl.DateTimeFormat>();

/**
 * A plan day in the language shown: "Wednesday", "10 Jun" or "Wednesday 10 June" (`full`, for the names of its
 * buttons). A calendar day, not an instant: no time zone shifts it.
 */
export const planDayName = (day: string, style: keyof typeof DAY_NAMES): string => {
  const locale = formattingLocale();
  const key = `${style}|${locale}`;
  let format = dayNames.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...DAY_NAMES[style], timeZone: 'UTC' });
    dayNames.set(key, format);
  }
  return format.format(asDay(day));
};
