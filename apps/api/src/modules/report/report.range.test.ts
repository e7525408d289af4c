import { describe, expect, it } from 'vitest';
import { mergeBy, splitMonths, splitRange } from './report.range';

describe('splitRange', () => {
  it('reads whole days from the summaries when the range is midnight to midnight', () => {
    expect(splitRange('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z')).toEqual({
      days: { from: '2026-11-01', to: '2026-12-01' },
      edges: [],
    });
  });

  it('reads the partial days at both ends from the base tables', () => {
    expect(splitRange('2026-11-01T10:30:00Z', '2026-11-04T08:00:00+02:00')).toEqual({
      days: { from: '2026-11-02', to: '2026-11-04' },
      edges: [
        { from: new Date('2026-11-01T10:30:00Z'), to: new Date('2026-11-02T00:00:00Z') },
        { from: new Date('2026-11-04T00:00:00Z'), to: new Date('2026-11-04T06:00:00Z') },
      ],
    });
  });

  it('reads a range without a whole day entirely from the base tables', () => {
    expect(splitRange('2026-11-01T10:00:00Z', '2026-11-02T09:00:00Z')).toEqual({
      days: null,
      edges: [{ from: new Date('2026-11-01T10:00:00Z'), to: new Date('2026-11-02T09:00:00Z') }],
    });
  });
});

describe('mergeBy', () => {
  it('adds the measures of rows with the same key and keeps the others', () => {
    const rows = [
      { day: 'a', orders: 1, revenueCents: 100 },
      { day: 'b', orders: 2, revenueCents: 50 },
      { day: 'a', orders: 3, revenueCents: 7 },
    ];
    expect(mergeBy(rows, 'day', ['orders', 'revenueCents'])).toEqual([
      { day: 'a', orders: 4, revenueCents: 107 },
      { day: 'b', orders: 2, revenueCents: 50 },
    ]);
    expect(rows[0]).toEqual({ day: 'a', orders: 1, revenueCents: 100 });
  });
});

describe('splitMonths', () => {
  it('reads whole months from the monthly summary and the days around them from the daily one', () => {
    expect(splitMonths({ from: '2025-12-04', to: '2026-12-06' })).toEqual({
      months: { from: '2026-01-01', to: '2026-12-01' },
      days: [
        { from: '2025-12-04', to: '2026-01-01' },
        { from: '2026-12-01', to: '2026-12-06' },
      ],
    });
    expect(splitMonths({ from: '2026-11-01', to: '2026-12-01' })).toEqual({
      months: { from: '2026-11-01', to: '2026-12-01' },
      days: [],
    });
  });

  it('keeps days when no whole month is inside', () => {
    expect(splitMonths({ from: '2026-11-05', to: '2026-12-03' })).toEqual({
      months: null,
      days: [{ from: '2026-11-05', to: '2026-12-03' }],
    });
  });
});
