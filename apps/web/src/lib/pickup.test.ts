import type { PlanDish, PlanWeek, SlotAvailability } from '@canteen/shared';
import { describe, expect, it } from 'vitest';
import {
  candidateDays,
  dayChipLabel,
  formatPickup,
  groupBySlot,
  isBookable,
  offerOn,
  orderableDaysFrom,
  plannedDishesOf,
  slotToBook,
} from './pickup';

const dish = (productId: string, overrides: Partial<PlanDish> = {}): PlanDish => ({
  productId,
  name: productId,
  priceCents: 650,
  allergens: [],
  dietaryTags: [],
  isActive: true,
  plannedQuantity: 20,
  sold: 5,
  left: 15,
  isNew: false,
  isChefsChoice: false,
  ...overrides,
});

const slot = (id: string, overrides: Partial<SlotAvailability> = {}): SlotAvailability => ({
  id,
  startsAt: id,
  at: `2026-12-08T${id}:00.000Z`,
  capacity: 10,
  left: 10,
  isOpen: true,
  ...overrides,
});

describe('the days one may order for', () => {
  it('asks about today and every day the widest setting allows', () => {
    const days = candidateDays('2026-12-30');
    expect(days).toHaveLength(15);
    expect(days[0]).toBe('2026-12-30');
    expect(days[2]).toBe('2027-01-01');
    expect(days.at(-1)).toBe('2027-01-13');
  });

  it('starts at today and keeps the API’s later days', () => {
    expect(orderableDaysFrom('2026-12-06', ['2026-12-06', '2026-12-07', '2026-12-08'])).toEqual([
      '2026-12-06',
      '2026-12-07',
      '2026-12-08',
    ]);
    // Before the API answers, and with preorderDays 0: today only.
    expect(orderableDaysFrom('2026-12-06', undefined)).toEqual(['2026-12-06']);
    expect(orderableDaysFrom('2026-12-06', ['2026-12-06'])).toEqual(['2026-12-06']);
    // The page stayed open past midnight: yesterday's answer does not offer a day gone by.
    expect(orderableDaysFrom('2026-12-07', ['2026-12-06', '2026-12-07', '2026-12-08'])).toEqual(['2026-12-07', '2026-12-08']);
  });
});

describe('the dishes of a day', () => {
  const week: PlanWeek = {
    weekStart: '2026-12-07',
    days: [
      { day: '2026-12-07', publishedAt: '2026-12-01T09:00:00.000Z', dishes: [dish('soup'), dish('stew', { left: 0 })] },
      { day: '2026-12-08', publishedAt: null, dishes: [dish('draft')] },
    ],
  };

  it("lists the published plan's dishes of that day only, never a draft's", () => {
    expect([...plannedDishesOf(week, '2026-12-07').keys()]).toEqual(['soup', 'stew']);
    expect(plannedDishesOf(week, '2026-12-08').size).toBe(0);
    expect(plannedDishesOf(week, '2026-12-09').size).toBe(0);
    expect(plannedDishesOf(undefined, '2026-12-07').size).toBe(0);
  });

  it('serves every-day dishes with their stock, and daily dishes only as planned, with what the plan has left', () => {
    const planned = plannedDishesOf(week, '2026-12-07');
    expect(offerOn({ id: 'bread', isScheduled: false, stock: 4 }, planned)).toEqual({ isServed: true, stock: 4, plan: null });
    expect(offerOn({ id: 'bread', isScheduled: false, stock: null }, undefined).isServed).toBe(true);
    expect(offerOn({ id: 'soup', isScheduled: true, stock: null }, planned)).toMatchObject({ isServed: true, stock: 15 });
    expect(offerOn({ id: 'stew', isScheduled: true, stock: null }, planned)).toMatchObject({ isServed: true, stock: 0 });
    expect(
      offerOn({ id: 'unlimited', isScheduled: true, stock: 3 }, new Map([['unlimited', dish('unlimited', { left: null })]])),
    ).toMatchObject({ isServed: true, stock: null });
    expect(offerOn({ id: 'curry', isScheduled: true, stock: null }, planned)).toEqual({
      isServed: false,
      stock: null,
      plan: null,
    });
    // Before the plan is known, no daily dish is offered.
    expect(offerOn({ id: 'soup', isScheduled: true, stock: null }, undefined).isServed).toBe(false);
  });
});

describe('the slot a checkout books', () => {
  const slots = [slot('11:30', { isOpen: false }), slot('11:45', { left: 0 }), slot('12:00'), slot('12:15', { left: 3 })];

  it('starts with the first slot still open with room', () => {
    expect(slots.map(isBookable)).toEqual([false, false, true, true]);
    expect(slotToBook(slots, null)).toBe('12:00');
  });

  it('keeps the one chosen while it can be booked, else falls back to the first free one', () => {
    expect(slotToBook(slots, '12:15')).toBe('12:15');
    expect(slotToBook(slots, '11:45')).toBe('12:00');
    expect(slotToBook(slots, 'gone')).toBe('12:00');
  });

  it('books none when none can be (as soon as possible)', () => {
    expect(slotToBook([], null)).toBeNull();
    expect(slotToBook([slot('11:30', { isOpen: false }), slot('11:45', { left: 0 })], '11:45')).toBeNull();
  });
});

const ticket = (id: string, pickupAt: string | null) => ({ id, pickupAt });

describe('the kitchen by pickup time', () => {
  it('groups tickets per slot, earliest first, then those for as soon as possible, each in queue order', () => {
    const groups = groupBySlot([
      ticket('a', null),
      ticket('b', '2026-12-06T12:15:00.000Z'),
      ticket('c', '2026-12-06T11:45:00.000Z'),
      ticket('d', '2026-12-06T12:15:00.000Z'),
      ticket('e', null),
    ]);
    expect(groups.map((group) => [group.at, group.tickets.map((t) => t.id)])).toEqual([
      ['2026-12-06T11:45:00.000Z', ['c']],
      ['2026-12-06T12:15:00.000Z', ['b', 'd']],
      [null, ['a', 'e']],
    ]);
    expect(groupBySlot([])).toEqual([]);
  });
});

describe('pickup days in words', () => {
  it('names today and tomorrow, and other days by weekday and date', () => {
    expect(dayChipLabel('2026-12-06', '2026-12-06')).toBe('Today');
    expect(dayChipLabel('2026-12-07', '2026-12-06')).toBe('Tomorrow');
    expect(dayChipLabel('2026-12-09', '2026-12-06')).toMatch(/^Wed 9$/);
  });

  it("says the slot's time in the canteen's zone, or as soon as possible", () => {
    expect(formatPickup('2026-12-08', '2026-12-08T11:15:00.000Z', 'Europe/Berlin')).toMatch(/8.*, 12:15$/);
    expect(formatPickup('2026-12-08', null, 'UTC')).toMatch(/, as soon as possible$/);
  });
});
