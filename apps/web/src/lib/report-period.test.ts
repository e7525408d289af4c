import { describe, expect, it } from 'vitest';
import {
  apiRange,
  csvFileName,
  dailySeries,
  monthDays,
  periodOf,
  presetDays,
  rangeProblem,
  recentMonths,
  weeklySeries,
} from './report-period';

const at = (iso: string) => new Date(iso);

describe('report periods', () => {
  it('turns presets into UTC days that end today, or last month from its first to its last day', () => {
    const now = at('2026-03-15T23:30:00Z');
    expect(presetDays('this-month', now)).toEqual({ from: '2026-03-01', to: '2026-03-15' });
    expect(presetDays('last-month', now)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetDays('last-7-days', now)).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(presetDays('last-30-days', now)).toEqual({ from: '2026-02-14', to: '2026-03-15' });
    // Across the new year.
    expect(presetDays('last-month', at('2027-01-02T08:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('reads the period from the address, falling back to this month', () => {
    const now = at('2026-03-15T12:00:00Z');
    expect(periodOf({}, now)).toEqual({ preset: 'this-month', days: { from: '2026-03-01', to: '2026-03-15' } });
    expect(periodOf({ range: 'custom', from: '2026-01-10', to: '2026-01-20' }, now).days).toEqual({
      from: '2026-01-10',
      to: '2026-01-20',
    });
    expect(periodOf({ range: 'custom', from: '2026-01-10' }, now).days).toEqual({ from: '2026-01-10', to: '2026-03-15' });
    // Days without `range=custom` are leftovers of an earlier choice: the preset decides.
    expect(periodOf({ range: 'last-7-days', from: '2020-01-01', to: '2020-01-02' }, now).days.from).toBe('2026-03-09');
  });

  it('sends the last day included: to is the start of the next day', () => {
    expect(apiRange({ from: '2026-02-01', to: '2026-02-28' })).toEqual({
      from: '2026-02-01T00:00:00.000Z',
      to: '2026-03-01T00:00:00.000Z',
    });
  });

  it("refuses what the API would refuse, in the API schema's words", () => {
    expect(rangeProblem({ from: '2026-02-01', to: '2026-02-01' })).toBeNull();
    expect(rangeProblem({ from: '2026-02-02', to: '2026-02-01' })).toBe('The end must be after the start');
    expect(rangeProblem({ from: '2024-01-01', to: '2026-01-01' })).toBe('Choose at most 18 months');
  });

  it('fills the days and weeks without orders with zeros, so the axis is the whole period', () => {
    const range = { from: '2026-03-01', to: '2026-03-04' };
    expect(dailySeries([{ day: '2026-03-02', orders: 2, revenueCents: 900 }], range)).toEqual([
      { start: '2026-03-01', orders: 0, revenueCents: 0 },
      { start: '2026-03-02', orders: 2, revenueCents: 900 },
      { start: '2026-03-03', orders: 0, revenueCents: 0 },
      { start: '2026-03-04', orders: 0, revenueCents: 0 },
    ]);
    // 1 March 2026 is a Sunday: its week starts on Monday 23 February.
    expect(
      weeklySeries([{ week: '2026-03-02', orders: 1, revenueCents: 450 }], { from: '2026-03-01', to: '2026-03-16' }),
    ).toEqual([
      { start: '2026-02-23', orders: 0, revenueCents: 0 },
      { start: '2026-03-02', orders: 1, revenueCents: 450 },
      { start: '2026-03-09', orders: 0, revenueCents: 0 },
      { start: '2026-03-16', orders: 0, revenueCents: 0 },
    ]);
  });

  it('lists recent months newest first, across the new year, and names downloads by what and when', () => {
    expect(monthDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthDays('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(recentMonths(at('2027-02-10T00:00:00Z'), 4)).toEqual(['2027-02', '2027-01', '2026-12', '2026-11']);
    expect(csvFileName('top-dishes', { from: '2026-12-01', to: '2026-12-15' })).toBe(
      'canteen-top-dishes_2026-12-01_2026-12-15.csv',
    );
    expect(csvFileName('statements', '2026-12')).toBe('canteen-statements_2026-12.csv');
  });
});
