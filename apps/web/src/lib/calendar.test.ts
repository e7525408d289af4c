import { describe, expect, it } from 'vitest';
import { dayStartIn, localDay, localMonth, nextDay } from './calendar';

describe('calendar days', () => {
  it('writes the local day and month with leading zeros', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
    expect(localMonth(new Date(2026, 8, 30, 0, 5))).toBe('2026-09');
  });
});

describe('days in the canteen time zone', () => {
  it('starts a day at midnight in that zone, on both sides of a daylight-saving change', () => {
    expect(dayStartIn('2026-01-15', 'Europe/Berlin')).toBe('2026-01-14T23:00:00.000Z');
    expect(dayStartIn('2026-07-15', 'Europe/Berlin')).toBe('2026-07-14T22:00:00.000Z');
    // Berlin moves to summer time at 02:00 on 29 March 2026: that day still starts at 23:00 UTC the day before.
    expect(dayStartIn('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(dayStartIn('2026-03-30', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
    expect(dayStartIn('2026-10-25', 'Europe/Berlin')).toBe('2026-10-24T22:00:00.000Z');
    expect(dayStartIn('2026-10-26', 'Europe/Berlin')).toBe('2026-10-25T23:00:00.000Z');
    expect(dayStartIn('2026-12-06', 'UTC')).toBe('2026-12-06T00:00:00.000Z');
    expect(dayStartIn('2026-12-06', 'America/New_York')).toBe('2026-12-06T05:00:00.000Z');
  });

  it('counts days on the calendar', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
});
