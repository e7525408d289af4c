import type { PlanDay, PlanDish } from '@canteen/shared';
import { describe, expect, it } from 'vitest';
import { mondayOf, orderedOnPublished, parsePlannedQuantity, weekStatus } from './plan-week';

const dish: PlanDish = {
  productId: '0190a000-0000-7000-8000-000000000001',
  name: 'Lentil Dal',
  priceCents: 450,
  allergens: [],
  dietaryTags: ['vegan'],
  isActive: true,
  plannedQuantity: 40,
  sold: 0,
  left: 40,
  isNew: false,
  isChefsChoice: false,
};
const day = (date: string, options: { dishes?: number; isPublished?: boolean } = {}): PlanDay => ({
  day: date,
  publishedAt: options.isPublished ? '2026-06-01T08:00:00.000Z' : null,
  dishes: Array.from({ length: options.dishes ?? 0 }, () => dish),
});

const sold = (n: number): PlanDish => ({ ...dish, sold: n });

describe('the menu plan week', () => {
  it('starts on the Monday of the day given, across months and years', () => {
    expect(mondayOf('2026-06-03')).toBe('2026-06-01');
    expect(mondayOf('2026-06-01')).toBe('2026-06-01');
    expect(mondayOf('2026-06-07')).toBe('2026-06-01');
    expect(mondayOf('2026-03-01')).toBe('2026-02-23');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('says where a week stands by its days with dishes', () => {
    expect(weekStatus([day('2026-06-01'), day('2026-06-02')])).toEqual({ status: 'empty', drafts: 0, isAnyPublished: false });
    expect(weekStatus([day('2026-06-01', { dishes: 2 }), day('2026-06-02', { dishes: 1 })])).toEqual({
      status: 'draft',
      drafts: 2,
      isAnyPublished: false,
    });
    expect(weekStatus([day('2026-06-01', { dishes: 2, isPublished: true }), day('2026-06-02')])).toEqual({
      status: 'published',
      drafts: 0,
      isAnyPublished: true,
    });
    expect(
      weekStatus([day('2026-06-01', { dishes: 2, isPublished: true }), day('2026-06-02', { dishes: 1 }), day('2026-06-03')]),
    ).toEqual({ status: 'mixed', drafts: 1, isAnyPublished: true });
    // Published, then every dish taken off: nothing planned, but there is something to take back.
    expect(weekStatus([day('2026-06-01', { isPublished: true })])).toEqual({ status: 'empty', drafts: 0, isAnyPublished: true });
  });

  it('reads a planned quantity: empty is no limit, whole numbers in range, anything else is refused', () => {
    expect(parsePlannedQuantity('')).toBeNull();
    expect(parsePlannedQuantity('  ')).toBeNull();
    expect(parsePlannedQuantity('40')).toBe(40);
    expect(parsePlannedQuantity(' 0 ')).toBe(0);
    expect(parsePlannedQuantity('100000')).toBe(100_000);
    expect(parsePlannedQuantity('100001')).toBeUndefined();
    expect(parsePlannedQuantity('-1')).toBeUndefined();
    expect(parsePlannedQuantity('2.5')).toBeUndefined();
    expect(parsePlannedQuantity('lots')).toBeUndefined();
  });

  it('counts the daily dishes ordered for its published days (the orders that stay when it is taken back)', () => {
    const week = [
      { ...day('2026-06-01', { isPublished: true }), dishes: [sold(3), sold(2)] },
      { ...day('2026-06-02', { isPublished: true }), dishes: [sold(0)] },
      // A draft's dishes cannot have been ordered through the menu; it does not count.
      { ...day('2026-06-03'), dishes: [sold(4)] },
    ];
    expect(orderedOnPublished(week)).toBe(5);
    expect(orderedOnPublished([day('2026-06-01', { dishes: 2, isPublished: true })])).toBe(0);
  });
});
