import { describe, expect, it } from 'vitest';
import { localDay, localMonth } from './calendar';

describe('calendar days', () => {
  it('writes the local day and month with leading zeros', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
    expect(localMonth(new Date(2026, 8, 30, 0, 5))).toBe('2026-09');
  });
});
