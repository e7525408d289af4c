import { describe, expect, it } from 'vitest';
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES } from './constants';
import {
  type BasketLine,
  addToBasket,
  hasRequiredDepartment,
  hasRole,
  lineQuantityLimit,
  mayUsePayer,
  planReorder,
  setBasketQuantity,
} from './rules';
import { isoWeekStart } from './report';

describe('hasRole', () => {
  it('ranks employee < manager < admin', () => {
    expect(hasRole('employee', 'employee')).toBe(true);
    expect(hasRole('employee', 'manager')).toBe(false);
    expect(hasRole('manager', 'employee')).toBe(true);
    expect(hasRole('manager', 'admin')).toBe(false);
    expect(hasRole('admin', 'manager')).toBe(true);
  });
});

describe('mayUsePayer', () => {
  const manager = { role: 'manager' as const, departmentId: 'eng' };
  it('lets admins use any payer', () => {
    expect(mayUsePayer({ role: 'admin', departmentId: null }, { kind: 'company', departmentId: null })).toBe(true);
  });
  it('lets managers use promotions and their own department budget only', () => {
    expect(mayUsePayer(manager, { kind: 'promo', departmentId: null })).toBe(true);
    expect(mayUsePayer(manager, { kind: 'department', departmentId: 'eng' })).toBe(true);
    expect(mayUsePayer(manager, { kind: 'department', departmentId: 'ops' })).toBe(false);
    expect(mayUsePayer(manager, { kind: 'company', departmentId: null })).toBe(false);
    expect(mayUsePayer({ role: 'manager', departmentId: null }, { kind: 'department', departmentId: null })).toBe(false);
  });
});

describe('hasRequiredDepartment', () => {
  it('asks a department of employees and managers, not of admins', () => {
    expect(hasRequiredDepartment({ role: 'admin', departmentId: null })).toBe(true);
    expect(hasRequiredDepartment({ role: 'manager', departmentId: null })).toBe(false);
    expect(hasRequiredDepartment({ role: 'employee', departmentId: 'eng' })).toBe(true);
  });
});

const line = (productId: string, quantity = 1): BasketLine => ({ productId, quantity });

describe('basket', () => {
  it('adds, merges and caps quantities at the per-line maximum', () => {
    let lines = addToBasket([], line('a'))!;
    lines = addToBasket(lines, line('a', 2))!;
    lines = addToBasket(lines, line('b'))!;
    expect(lines).toEqual([line('a', 3), line('b', 1)]);
    expect(addToBasket(lines, line('a', 50))![0]?.quantity).toBe(MAX_LINE_QUANTITY);
    expect(addToBasket([], line('c', 50))![0]?.quantity).toBe(MAX_LINE_QUANTITY);
  });

  it('refuses a line past the most one order may have', () => {
    const full = Array.from({ length: MAX_ORDER_LINES }, (_, index) => line(`p${index}`));
    expect(addToBasket(full, line('one-more'))).toBeNull();
    expect(addToBasket(full, line('p0'))).not.toBeNull();
  });

  it('sets quantities up to the cap and removes a line at zero', () => {
    const lines = [line('a', 2), line('b', 1)];
    expect(setBasketQuantity(lines, line('a'), 99)).toEqual([line('a', MAX_LINE_QUANTITY), line('b', 1)]);
    expect(setBasketQuantity(lines, line('a'), 0)).toEqual([line('b', 1)]);
  });

  it('keeps a dish with other options or another note as its own line, capped over all of them', () => {
    const fries: BasketLine = { productId: 'burger', quantity: 2, optionIds: ['fries', 'cheese'] };
    let lines: BasketLine[] = addToBasket([], fries)!;
    // The same choice in another order is the same line.
    lines = addToBasket(lines, { ...fries, optionIds: ['cheese', 'fries'], quantity: 1 })!;
    lines = addToBasket(lines, { productId: 'burger', quantity: 1, optionIds: ['salad'] })!;
    lines = addToBasket(lines, { productId: 'burger', quantity: 1, optionIds: ['salad'], note: 'no onions' })!;
    expect(lines.map((l) => [l.optionIds?.join('+'), l.note ?? '', l.quantity])).toEqual([
      ['fries+cheese', '', 3],
      ['salad', '', 1],
      ['salad', 'no onions', 1],
    ]);
    // The cap counts the dish over its lines: 5 are in, so one line can grow to at most MAX - 2.
    expect(setBasketQuantity(lines, fries, 99)[0]?.quantity).toBe(MAX_LINE_QUANTITY - 2);
    const full = setBasketQuantity(lines, fries, 99);
    expect(addToBasket(full, { productId: 'burger', quantity: 1, optionIds: ['rice'] })).toEqual(full);
    expect(setBasketQuantity(lines, { productId: 'burger', optionIds: ['salad'], note: 'no onions' }, 0)).toHaveLength(2);
  });

  it('limits a line to what is left of a tracked dish', () => {
    expect(lineQuantityLimit(null)).toBe(MAX_LINE_QUANTITY);
    expect(lineQuantityLimit(3)).toBe(3);
    expect(lineQuantityLimit(0)).toBe(0);
    expect(lineQuantityLimit(500)).toBe(MAX_LINE_QUANTITY);
  });

  it('keeps whatever else a line carries', () => {
    const lines = addToBasket([{ productId: 'a', quantity: 1, name: 'Soup' }], { productId: 'a', quantity: 1, name: 'Soup' });
    expect(lines).toEqual([{ productId: 'a', quantity: 2, name: 'Soup' }]);
  });
});

describe('isoWeekStart', () => {
  it('gives the Monday of the ISO week, across month and year ends', () => {
    expect(isoWeekStart('2026-12-07')).toBe('2026-12-07'); // a Monday
    expect(isoWeekStart('2026-12-13')).toBe('2026-12-07'); // its Sunday
    expect(isoWeekStart('2027-01-01')).toBe('2026-12-28'); // a Friday in the week that began in December
    expect(isoWeekStart('2024-03-01')).toBe('2024-02-26'); // across a leap day
  });
});

const pastLine = (productId: string, quantity: number) => ({ productId, productName: `Dish ${productId}`, quantity });

describe('planReorder', () => {
  it('refills what is still on the menu, as many as are left, and names what is not', () => {
    const plan = planReorder(
      [pastLine('a', 2), pastLine('b', 3), pastLine('c', 1), pastLine('d', 1), pastLine('e', 30)],
      new Map([
        ['a', { isActive: true, stock: null }],
        ['b', { isActive: true, stock: 1 }],
        ['c', { isActive: false, stock: null }],
        ['d', { isActive: true, stock: 0 }],
        ['e', { isActive: true, stock: null }],
      ]),
    );
    expect(plan.add).toEqual([
      { productId: 'a', quantity: 2 },
      { productId: 'b', quantity: 1 },
      { productId: 'e', quantity: MAX_LINE_QUANTITY },
    ]);
    expect(plan.unavailable).toEqual(['Dish c', 'Dish d']);
    expect(plan.reduced).toEqual([
      { name: 'Dish b', quantity: 1 },
      { name: 'Dish e', quantity: MAX_LINE_QUANTITY },
    ]);
  });

  it('treats a dish it could not find as gone', () => {
    expect(planReorder([pastLine('x', 1)], new Map([['x', null]]))).toEqual({ add: [], unavailable: ['Dish x'], reduced: [] });
    expect(planReorder([pastLine('y', 1)], new Map()).unavailable).toEqual(['Dish y']);
  });
});
