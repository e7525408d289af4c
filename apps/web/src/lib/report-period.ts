import { asDay, dayFormat } from './format';
import { i18next } from './i18n';
import { ReportRangeSchema, isoWeekStart } from '@canteen/shared';
import type { RangePreset } from './search-params';

export const DEFAULT_PRESET = 'this-month' satisfies RangePreset;

/** A preset by name in the language shown ("This month"); call while rendering. */
export const presetLabel = (preset: RangePreset): string => i18next.t(`report:presets.${preset}`);

/** Calendar days (`YYYY-MM-DD`, UTC days as the reports count them), both ends included, as people pick them. */
export type DayRange = { from: string; to: string };

const DAY_MS = 86_400_000;
const dayOf = (date: Date): string => date.toISOString().slice(0, 10);
const addDays = (day: string, days: number): string => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

const LAST_DAYS = { 'last-7-days': 7, 'last-30-days': 30 } as const;

/** The days of a preset on the (UTC) day of `now`; the running month and the last N days end today. */
export const presetDays = (preset: Exclude<RangePreset, 'custom'>, now: Date): DayRange => {
  const today = dayOf(now);
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  if (preset === 'this-month') return { from: firstOfMonth, to: today };
  if (preset === 'last-month') {
    const lastOfPrevious = addDays(firstOfMonth, -1);
    return { from: `${lastOfPrevious.slice(0, 7)}-01`, to: lastOfPrevious };
  }
  return { from: addDays(today, 1 - LAST_DAYS[preset]), to: today };
};

/** The period the address asks for: a preset, or custom days (any day left out falls back to the default's). */
export const periodOf = (
  search: { range?: RangePreset | undefined; from?: string | undefined; to?: string | undefined },
  now: Date,
): { preset: RangePreset; days: DayRange } => {
  const preset = search.range ?? DEFAULT_PRESET;
  if (preset !== 'custom') return { preset, days: presetDays(preset, now) };
  const fallback = presetDays(DEFAULT_PRESET, now);
  return { preset, days: { from: search.from ?? fallback.from, to: search.to ?? fallback.to } };
};

/** What the report procedures and CSV exports take: from the first day's start to the start of the day after the last. */
export const apiRange = (days: DayRange): { from: string; to: string } => ({
  from: `${days.from}T00:00:00.000Z`,
  to: `${addDays(days.to, 1)}T00:00:00.000Z`,
});

/** The API schema's words (packages/shared report.ts) for why it refuses a period, in the language shown. */
const RANGE_PROBLEMS = new Map<string, 'report:period.endAfterStart' | 'report:period.atMost18Months'>([
  ['The end must be after the start', 'report:period.endAfterStart'],
  ['Choose at most 18 months', 'report:period.atMost18Months'],
]);

/** Why the API would refuse this period, in its own schema's words (translated when known), or null. */
export const rangeProblem = (days: DayRange): string | null => {
  const result = ReportRangeSchema.safeParse(apiRange(days));
  if (result.success) return null;
  const message = result.error.issues[0]?.message;
  if (message === undefined) return i18next.t('report:period.chooseAnother');
  const known = RANGE_PROBLEMS.get(message);
  return known ? i18next.t(known) : message;
};

type Period = { orders: number; revenueCents: number };
export type RevenuePoint = Period & { start: string };

/** Every day of the period, the ones without orders as zero, so the chart's axis is the whole period. */
export const dailySeries = (days: readonly (Period & { day: string })[], range: DayRange): RevenuePoint[] => {
  const byDay = new Map(days.map((day) => [day.day, day]));
  const series: RevenuePoint[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    series.push({ start: day, orders: byDay.get(day)?.orders ?? 0, revenueCents: byDay.get(day)?.revenueCents ?? 0 });
  }
  return series;
};

/** Every ISO week the period touches (by its Monday, as the API names them), the ones without orders as zero. */
export const weeklySeries = (weeks: readonly (Period & { week: string })[], range: DayRange): RevenuePoint[] => {
  const byWeek = new Map(weeks.map((week) => [week.week, week]));
  const series: RevenuePoint[] = [];
  for (let week = isoWeekStart(range.from); week <= range.to; week = addDays(week, 7)) {
    series.push({ start: week, orders: byWeek.get(week)?.orders ?? 0, revenueCents: byWeek.get(week)?.revenueCents ?? 0 });
  }
  return series;
};

/** `YYYY-MM` of the (UTC) month `now` is in. */
export const monthOf = (now: Date): string => now.toISOString().slice(0, 7);

/** The first and last day of a `YYYY-MM` month. */
export const monthDays = (month: string): DayRange => {
  const from = `${month}-01`;
  const [year = 2000, monthNumber = 1] = month.split('-').map(Number);
  return { from, to: dayOf(new Date(Date.UTC(year, monthNumber, 0))) };
};

/** This month and the `count - 1` before it, newest first. */
export const recentMonths = (now: Date, count: number): string[] =>
  Array.from({ length: count }, (_, back) => monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1))));

export const formatDay = (day: string): string => dayFormat('medium').format(asDay(day));
export const formatShortDay = (day: string): string => dayFormat('short').format(asDay(day));
/** "1 – 15 Dec 2026" in the language shown. */
export const formatDays = (days: DayRange): string => dayFormat('medium').formatRange(asDay(days.from), asDay(days.to));
/** "December 2026" for `2026-12`. */
export const formatMonth = (month: string): string => dayFormat('month').format(asDay(`${month}-01`));

/** A download's name says what and which period: `canteen-top-dishes_2026-12-01_2026-12-15.csv`. */
export const csvFileName = (what: string, period: DayRange | string): string =>
  `canteen-${what}_${typeof period === 'string' ? period : `${period.from}_${period.to}`}.csv`;
