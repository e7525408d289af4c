import { describe, expect, it } from 'vitest';
import { productionSheetOf } from './kitchen';
import { KitchenNoteSchema, type OptionGroup, canBeFreeFrom, lineAllergens, resolveOptions } from './options';
import { PlaceOrderInputSchema, mergeOrderItems } from './order';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const option = (n: number, fields: Partial<OptionGroup['options'][number]> = {}) => ({
  id: id(n),
  name: `Option ${n}`,
  priceDeltaCents: 0,
  allergens: [],
  isArchived: false,
  ...fields,
});
const SIDE: OptionGroup = {
  id: id(100),
  name: 'Side',
  minChoices: 1,
  maxChoices: 1,
  options: [option(1, { allergens: ['gluten'] }), option(2, { allergens: ['milk'] }), option(3, { isArchived: true })],
};
const EXTRAS: OptionGroup = {
  id: id(200),
  name: 'Extras',
  minChoices: 0,
  maxChoices: 2,
  options: [option(4, { priceDeltaCents: 80, allergens: ['milk'] }), option(5, { priceDeltaCents: 120 }), option(6)],
};

describe('resolveOptions', () => {
  it('takes a valid choice in the groups’ order and adds up its prices', () => {
    const resolved = resolveOptions([SIDE, EXTRAS], [id(5), id(4), id(2)]);
    expect(resolved).toMatchObject({ ok: true, deltaCents: 200 });
    expect(resolved.ok && resolved.chosen.map((o) => o.id)).toEqual([id(2), id(4), id(5)]);
  });
  it('refuses a missing required choice, too many, archived and unknown options', () => {
    expect(resolveOptions([SIDE, EXTRAS], [])).toMatchObject({ ok: false, reason: 'OPTION_CHOICE_INVALID', groupName: 'Side' });
    expect(resolveOptions([SIDE], [id(1), id(2)])).toMatchObject({ ok: false, reason: 'OPTION_CHOICE_INVALID' });
    expect(resolveOptions([SIDE, EXTRAS], [id(1), id(4), id(5), id(6)])).toMatchObject({
      ok: false,
      groupName: 'Extras',
      maxChoices: 2,
    });
    expect(resolveOptions([SIDE], [id(3)])).toMatchObject({ ok: false, reason: 'OPTION_UNAVAILABLE' });
    expect(resolveOptions([SIDE], [id(1), id(999)])).toMatchObject({ ok: false, reason: 'OPTION_UNAVAILABLE' });
  });
});

describe('allergens with options', () => {
  it('adds the options’ allergens to the dish’s, once each, in the list’s order', () => {
    expect(lineAllergens(['milk'], [{ allergens: ['gluten', 'milk'] }, { allergens: ['celery'] }])).toEqual([
      'celery',
      'gluten',
      'milk',
    ]);
  });
  it('calls a dish free from an allergen when each required group has an option without it', () => {
    const dish = { allergens: [], optionGroups: [SIDE, EXTRAS] };
    expect(canBeFreeFrom(dish, ['milk'])).toBe(true);
    expect(canBeFreeFrom(dish, ['gluten'])).toBe(true);
    // Both offered sides are excluded (the third is archived).
    expect(canBeFreeFrom(dish, ['gluten', 'milk'])).toBe(false);
    expect(canBeFreeFrom({ ...dish, allergens: ['eggs'] }, ['eggs'])).toBe(false);
  });
});

describe('order lines with options and notes', () => {
  it('merges items of the same dish, options (in any order) and note; keeps the others apart', () => {
    const merged = mergeOrderItems([
      { productId: id(9), quantity: 1, optionIds: [id(1), id(4)] },
      { productId: id(9), quantity: 2, optionIds: [id(4), id(1)] },
      { productId: id(9), quantity: 1, optionIds: [id(1)], note: 'hot' },
      { productId: id(9), quantity: 1 },
    ]);
    expect(merged.map((item) => item.quantity)).toEqual([3, 1, 1]);
  });
  it('caps a dish over all its lines, so splitting by options cannot bypass the cap', () => {
    const items = [
      { productId: id(9), quantity: 15, optionIds: [id(1)] },
      { productId: id(9), quantity: 15, optionIds: [id(2)] },
    ];
    expect(PlaceOrderInputSchema.safeParse({ items, idempotencyKey: 'cap-check-1' }).success).toBe(false);
  });
  it('makes a note one line of plain text without control characters, at most 140 characters; blank is none', () => {
    expect(KitchenNoteSchema.parse(' no\n\nonions ')).toBe('no onions');
    expect(KitchenNoteSchema.parse(' \n ')).toBeUndefined();
    expect(KitchenNoteSchema.safeParse('x'.repeat(141)).success).toBe(false);
    expect(KitchenNoteSchema.parse('a\u0007b\u202Ec')).toBe('abc');
  });
});

describe('productionSheetOf', () => {
  it('counts per dish, option and slot (as soon as possible last), and what is still to make', () => {
    const line = { productId: id(9), productName: 'Burger', userName: 'Eli', note: null };
    const sheet = productionSheetOf('2026-12-08', [
      {
        ...line,
        orderId: id(50),
        status: 'placed',
        startsAt: null,
        quantity: 1,
        options: [{ groupName: 'Side', name: 'Fries' }],
      },
      {
        ...line,
        orderId: id(51),
        status: 'ready',
        startsAt: '12:00',
        quantity: 2,
        options: [{ groupName: 'Side', name: 'Fries' }],
      },
      {
        ...line,
        orderId: id(51),
        status: 'ready',
        startsAt: '11:30',
        quantity: 1,
        options: [],
        note: 'no salt',
        productId: id(8),
        productName: 'Soup',
      },
    ]);
    expect(sheet.orderCount).toBe(2);
    expect(sheet.dishes[0]).toMatchObject({
      productName: 'Burger',
      quantity: 3,
      toMake: 1,
      options: [{ name: 'Fries', quantity: 3 }],
      bySlot: [
        { startsAt: '12:00', quantity: 2 },
        { startsAt: null, quantity: 1 },
      ],
    });
    expect(sheet.notes).toEqual([expect.objectContaining({ productName: 'Soup', note: 'no salt' })]);
  });
});
