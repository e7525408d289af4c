import { describe, expect, it } from 'vitest';
import { addDays, dayIn, dayStartIn, daysBetween, instantAt, isoWeekday, timeIn } from './calendar';
import { cutoffOf, isChangeableAt, isOrderableDay, orderableDays, slotStarts } from './schedule';

const BERLIN = 'Europe/Berlin';

describe('calendar in the canteen time zone', () => {
  it('places a wall-clock time on the right instant in winter and in summer', () => {
    expect(instantAt('2026-01-15', BERLIN, '10:30').toISOString()).toBe('2026-01-15T09:30:00.000Z');
    expect(instantAt('2026-07-15', BERLIN, '10:30').toISOString()).toBe('2026-07-15T08:30:00.000Z');
    expect(dayStartIn('2026-12-01', BERLIN)).toBe('2026-11-30T23:00:00.000Z');
  });

  it('is right on the days the clocks change', () => {
    // Spring forward (29 March 2026, 02:00 → 03:00): 10:30 is summer time; the skipped 02:30 reads as 03:30.
    expect(instantAt('2026-03-29', BERLIN, '10:30').toISOString()).toBe('2026-03-29T08:30:00.000Z');
    expect(instantAt('2026-03-29', BERLIN, '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantAt('2026-03-29', BERLIN).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    // Fall back (25 October 2026, 03:00 → 02:00): 10:30 is winter time; the repeated 02:30 is its first occurrence.
    expect(instantAt('2026-10-25', BERLIN, '10:30').toISOString()).toBe('2026-10-25T09:30:00.000Z');
    expect(instantAt('2026-10-25', BERLIN, '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(instantAt('2026-10-25', BERLIN).toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('reads days and times back', () => {
    expect(dayIn(new Date('2026-03-28T23:30:00Z'), BERLIN)).toBe('2026-03-29');
    expect(timeIn(new Date('2026-03-29T08:30:00Z'), BERLIN)).toBe('10:30');
    expect(dayIn(new Date('2026-03-28T23:30:00Z'), 'UTC')).toBe('2026-03-28');
  });

  it('counts days and weekdays', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-03-27', '2026-03-30')).toBe(3);
    expect(isoWeekday('2026-12-07')).toBe(1);
    expect(isoWeekday('2026-12-06')).toBe(7);
  });
});

describe('the week plan rules', () => {
  it('cuts a window into slots that start before its end', () => {
    expect(slotStarts({ from: '11:30', to: '14:00', everyMinutes: 15 })).toEqual([
      '11:30',
      '11:45',
      '12:00',
      '12:15',
      '12:30',
      '12:45',
      '13:00',
      '13:15',
      '13:30',
      '13:45',
    ]);
    expect(slotStarts({ from: '11:30', to: '12:00', everyMinutes: 20 })).toEqual(['11:30', '11:50']);
  });

  it('lets people order for today and the next days of the horizon only', () => {
    expect(orderableDays('2026-12-06', 2)).toEqual(['2026-12-06', '2026-12-07', '2026-12-08']);
    expect(isOrderableDay('2026-12-08', '2026-12-06', 2)).toBe(true);
    expect(isOrderableDay('2026-12-09', '2026-12-06', 2)).toBe(false);
    expect(isOrderableDay('2026-12-05', '2026-12-06', 2)).toBe(false);
  });

  it('allows changes until the cut-off of the pickup day, on both sides of it and across a clock change', () => {
    const rules = { cutoffTime: '10:30', timeZone: BERLIN };
    for (const day of ['2026-03-29', '2026-10-25', '2026-12-07']) {
      const cutoff = cutoffOf(day, rules);
      const placedAt = new Date(cutoff.getTime() - 86_400_000);
      const order = { status: 'placed' as const, pickupDay: day, placedAt };
      expect(isChangeableAt(order, new Date(cutoff.getTime() - 1), rules)).toBe(true);
      expect(isChangeableAt(order, cutoff, rules)).toBe(false);
      expect(isChangeableAt({ ...order, status: 'preparing' }, placedAt, rules)).toBe(false);
      // Walking up after the cut-off: changeable while still placed.
      const walkUp = { ...order, placedAt: new Date(cutoff.getTime() + 3_600_000) };
      expect(isChangeableAt(walkUp, new Date(cutoff.getTime() + 3_700_000), rules)).toBe(true);
    }
    expect(cutoffOf('2026-03-29', rules).toISOString()).toBe('2026-03-29T08:30:00.000Z');
    expect(cutoffOf('2026-03-28', rules).toISOString()).toBe('2026-03-28T09:30:00.000Z');
  });
});
