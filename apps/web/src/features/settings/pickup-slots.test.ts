import { slotStarts } from '@canteen/shared';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW, startTimesLine, weekdayName, windowFromText, windowOf, windowProblems } from './pickup-slots';

const slotsOf = (starts: string[], capacity = 20) => starts.map((startsAt) => ({ startsAt, capacity }));

describe('pickup slot settings', () => {
  it('finds the window a weekday was cut from, so editing starts from what is set', () => {
    const window = { from: '11:30', to: '14:00', everyMinutes: 15, capacity: 20 };
    expect(windowOf(slotsOf(slotStarts(window)))).toEqual(window);
    // A window that does not end on a step ends after its last slot: the same slots again.
    const uneven = windowOf(slotsOf(slotStarts({ from: '11:00', to: '12:10', everyMinutes: 20 }), 8));
    expect(uneven).toEqual({ from: '11:00', to: '12:20', everyMinutes: 20, capacity: 8 });
    expect(slotStarts(uneven!)).toEqual(['11:00', '11:20', '11:40', '12:00']);
    expect(windowOf(slotsOf(['12:00'], 5))).toEqual({ from: '12:00', to: '12:15', everyMinutes: 15, capacity: 5 });
    expect(windowOf(slotsOf(['23:50']))?.to).toBe('23:59');
    expect(windowOf([])).toBeNull();
  });

  it('lists a few start times in full and shortens a long list', () => {
    expect(startTimesLine([])).toBe('');
    expect(startTimesLine(['12:00'])).toBe('12:00');
    expect(startTimesLine(['11:30', '11:45', '12:00', '12:15', '12:30'])).toBe('11:30, 11:45, 12:00, 12:15, 12:30');
    expect(startTimesLine(slotStarts(DEFAULT_WINDOW))).toBe('11:30, 11:45, 12:00, …, 13:45');
  });

  it('names the ISO weekdays from Monday', () => {
    expect(weekdayName(1)).toBe('Monday');
    expect(weekdayName(7)).toBe('Sunday');
  });

  it('reads the typed window and says in words what is wrong with it, field by field', () => {
    const typed = { from: '11:30', to: '14:00', everyMinutes: '15', capacity: '20' };
    expect(windowFromText(typed)).toEqual(DEFAULT_WINDOW);
    expect(windowProblems(typed)).toEqual({});
    expect(windowProblems({ from: '1130', to: '25:00', everyMinutes: '3', capacity: '0' })).toEqual({
      from: 'Enter a time as HH:MM',
      to: 'Enter a time as HH:MM',
      everyMinutes: 'Enter 5 to 240 minutes',
      capacity: 'Enter a whole number from 1 to 10,000',
    });
    expect(windowFromText({ ...typed, everyMinutes: 'often' })).toBeNull();
    // The window as a whole: it ends after it starts, and it is not cut into too many slots.
    expect(windowProblems({ ...typed, to: '11:00' })).toEqual({ to: 'Must be after the start' });
    expect(windowFromText({ ...typed, to: '11:00' })).toBeNull();
    expect(windowProblems({ from: '00:00', to: '23:59', everyMinutes: '5', capacity: '20' })).toEqual({
      everyMinutes: 'Too many slots in one day: choose a longer interval',
    });
  });
});
