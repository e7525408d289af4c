/**
 * Calendar days and wall-clock times in the canteen's time zone (`CANTEEN_TIME_ZONE`), for the API and the web
 * alike: a day is `YYYY-MM-DD`, a time of day `HH:MM`. Every conversion takes the zone's offset at that moment, so
 * it is right across daylight-saving changes.
 */

/** How far `timeZone` is ahead of UTC at `at`, in milliseconds (Europe/Berlin in summer: 2 hours). */
const zoneOffset = (at: number, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - at;
};

const dayParts = (day: string): [number, number, number] => {
  const [year = 2000, month = 1, date = 1] = day.split('-').map(Number);
  return [year, month, date];
};

const DAY_MS = 86_400_000;

/**
 * The instant a wall-clock time (`HH:MM`, default midnight) of a calendar day happens in a time zone. A time that
 * a spring-forward change skips (02:30 in Berlin on the last Sunday of March) is read with the offset before the
 * change (03:30 summer time); one that an autumn change repeats is its first occurrence.
 */
export const instantAt = (day: string, timeZone: string, time = '00:00'): Date => {
  const [year, month, date] = dayParts(day);
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, date, hours, minutes);
  const before = wall - zoneOffset(wall - DAY_MS, timeZone);
  const after = wall - zoneOffset(wall + DAY_MS, timeZone);
  const fits = (at: number) => at + zoneOffset(at, timeZone) === wall;
  const valid = [before, after].filter(fits);
  return new Date(valid.length > 0 ? Math.min(...valid) : before);
};

/** The instant a calendar day starts in a time zone, as ISO: the canteen's "from 1 Dec" is midnight there. */
export const dayStartIn = (day: string, timeZone: string): string => instantAt(day, timeZone).toISOString();

/** The calendar day (`YYYY-MM-DD`) an instant falls on in a time zone. */
export const dayIn = (at: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** The wall-clock time (`HH:MM`) of an instant in a time zone. */
export const timeIn = (at: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(at);

/** `day` moved by `days` calendar days (negative: back). */
export const addDays = (day: string, days: number): string => {
  const [year, month, date] = dayParts(day);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
};

/** The day after `day`, as `YYYY-MM-DD`. */
export const nextDay = (day: string): string => addDays(day, 1);

/** ISO weekday of a calendar day: 1 Monday … 7 Sunday. */
export const isoWeekday = (day: string): number => {
  const [year, month, date] = dayParts(day);
  return ((new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7) + 1;
};

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => {
  const [y1, m1, d1] = dayParts(from);
  const [y2, m2, d2] = dayParts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
};
