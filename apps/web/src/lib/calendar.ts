const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar day of an instant in the browser's time zone, as `YYYY-MM-DD` (an <input type="date">'s value). */
export const localDay = (date = new Date()): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The month of an instant in the browser's time zone, as `YYYY-MM` (what statements take). */
export const localMonth = (date = new Date()): string => localDay(date).slice(0, 7);

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

/**
 * The instant a calendar day (`YYYY-MM-DD`) starts in a time zone, as ISO: the canteen's "from 1 Dec" is midnight
 * in Berlin, not in UTC or on the device. Correct across daylight-saving changes (the offset is taken at that day).
 */
export const dayStartIn = (day: string, timeZone: string): string => {
  const [year = 2000, month = 1, date = 1] = day.split('-').map(Number);
  const guess = Date.UTC(year, month - 1, date);
  const first = guess - zoneOffset(guess, timeZone);
  // A second pass settles days whose midnight falls on the other side of a change than the guess.
  return new Date(guess - zoneOffset(first, timeZone)).toISOString();
};

/** The day after `day`, as `YYYY-MM-DD`. */
export const nextDay = (day: string): string => {
  const [year = 2000, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
};
