const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar day of an instant in the browser's time zone, as `YYYY-MM-DD` (an <input type="date">'s value). */
export const localDay = (date = new Date()): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The month of an instant in the browser's time zone, as `YYYY-MM` (what statements take). */
export const localMonth = (date = new Date()): string => localDay(date).slice(0, 7);

// The canteen's days and times (its time zone, across clock changes) are one rule for the API and the web.
export { dayStartIn, nextDay } from '@canteen/shared/calendar';
