import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { User } from '@canteen/db';
import type { OptionGroupInput } from '@canteen/shared';
import {
  createTestCaller,
  createTestDeps,
  fund,
  getTestOrm,
  makeCast,
  makeCategory,
  makePayer,
  silentLogger,
  tomorrowOf,
  codeOf,
  countOf,
  reasonOf,
} from './helpers';
import { createApp } from '../src/app';

/**
 * Issue 15, options and notes: a dish's option groups (a required side, extras up to a maximum) priced on top of
 * the dish and with their own allergens, snapshotted on the order line; a note per line for the kitchen; the menu's
 * "free from" filter and the production sheet account for them. Every refusal is typed and changes nothing.
 */

const as = (user: User) => createTestCaller({ user });

const count = countOf;

const SIDE: OptionGroupInput = {
  name: 'Side',
  minChoices: 1,
  maxChoices: 1,
  options: [
    { name: 'Fries', priceDeltaCents: 0, allergens: [], isArchived: false },
    { name: 'Bread', priceDeltaCents: 0, allergens: ['gluten'], isArchived: false },
    { name: 'Potato salad', priceDeltaCents: 50, allergens: ['eggs', 'mustard'], isArchived: false },
  ],
};
const EXTRAS: OptionGroupInput = {
  name: 'Extras',
  minChoices: 0,
  maxChoices: 2,
  options: [
    { name: 'Cheese', priceDeltaCents: 80, allergens: ['milk'], isArchived: false },
    { name: 'Bacon', priceDeltaCents: 120, allergens: [], isArchived: false },
    { name: 'Egg', priceDeltaCents: 60, allergens: ['eggs'], isArchived: false },
  ],
};

describe('dish options and kitchen notes', () => {
  let orm: MikroORM;
  let cast: Awaited<ReturnType<typeof makeCast>>;
  const deps = createTestDeps();
  beforeEach(async () => {
    orm = await getTestOrm();
    cast = await makeCast(orm);
  });

  /** A burger (7.50, gluten) with a required side and up to two extras, made by a manager through the API. */
  const burger = async (fields: { stock?: number | null; name?: string } = {}) => {
    const category = await makeCategory(orm);
    return (await as(cast.manager)).product.create({
      name: fields.name ?? 'Burger',
      description: '',
      priceCents: 750,
      categoryId: category.id,
      allergens: ['gluten'],
      dietaryTags: [],
      stock: fields.stock ?? null,
      optionGroups: [SIDE, EXTRAS],
    });
  };
  const optionId = (dish: Awaited<ReturnType<typeof burger>>, name: string) =>
    dish.optionGroups.flatMap((group) => group.options).find((option) => option.name === name)!.id;

  const funded = async (cents: number) => {
    await fund(orm, cast.employee, await makePayer(orm), cents);
    return as(cast.employee);
  };
  const balance = async () => (await (await as(cast.employee)).wallet.balance()).totalCents;

  it('prices the options on top of the dish and snapshots names, prices, allergens and the note on the line', async () => {
    const dish = await burger();
    expect(dish.optionGroups.map((group) => [group.name, group.options.length])).toEqual([
      ['Side', 3],
      ['Extras', 3],
    ]);
    const employee = await funded(5_000);
    const order = await employee.order.place({
      items: [
        {
          productId: dish.id,
          quantity: 2,
          optionIds: [optionId(dish, 'Cheese'), optionId(dish, 'Potato salad'), optionId(dish, 'Bacon')],
          note: '  no onions,\n\tplease  ',
        },
      ],
      idempotencyKey: 'options-order-1',
    });
    // 7.50 + 0.50 + 0.80 + 1.20 = 10.00, twice.
    expect(order.totalCents).toBe(2_000);
    expect(order.lines).toEqual([
      expect.objectContaining({
        quantity: 2,
        unitPriceCents: 1_000,
        lineTotalCents: 2_000,
        note: 'no onions, please',
        // The dish's gluten, the salad's eggs and mustard, the cheese's milk: once each, in the list's order.
        allergens: ['gluten', 'eggs', 'milk', 'mustard'],
        options: [
          expect.objectContaining({ groupName: 'Side', name: 'Potato salad', priceDeltaCents: 50 }),
          expect.objectContaining({ groupName: 'Extras', name: 'Cheese', priceDeltaCents: 80 }),
          expect.objectContaining({ groupName: 'Extras', name: 'Bacon', priceDeltaCents: 120 }),
        ],
      }),
    ]);
    expect(await balance()).toBe(3_000);

    // The manager raises the cheese and renames the salad: the order keeps what was sold, the ids stay.
    const manager = await as(cast.manager);
    const changed = await manager.product.update({
      id: dish.id,
      optionGroups: dish.optionGroups.map((group) => ({
        ...group,
        options: group.options.map((option) =>
          option.name === 'Cheese'
            ? { ...option, priceDeltaCents: 150 }
            : option.name === 'Potato salad'
              ? { ...option, name: 'Salad', allergens: [] }
              : option,
        ),
      })),
    });
    expect(optionId(changed, 'Cheese')).toBe(optionId(dish, 'Cheese'));
    const again = await employee.order.byId({ id: order.id });
    expect(again.lines[0]).toMatchObject({
      unitPriceCents: 1_000,
      allergens: ['gluten', 'eggs', 'milk', 'mustard'],
      options: [{ name: 'Potato salad' }, { name: 'Cheese', priceDeltaCents: 80 }, { name: 'Bacon' }],
    });

    // The kitchen sees the options and the note, never a price.
    const queue = await (await as(cast.kitchen)).kitchen.queue({});
    const ticket = queue.tickets.find((t) => t.id === order.id)!;
    expect(ticket.lines).toEqual([
      {
        productId: dish.id,
        productName: 'Burger',
        quantity: 2,
        note: 'no onions, please',
        options: [
          { groupName: 'Side', name: 'Potato salad' },
          { groupName: 'Extras', name: 'Cheese' },
          { groupName: 'Extras', name: 'Bacon' },
        ],
      },
    ]);
  });

  it('refuses a missing required choice, too many extras, an archived or foreign option, and changes nothing', async () => {
    const dish = await burger({ stock: 5 });
    const other = await burger({ name: 'Veggie burger' });
    const employee = await funded(5_000);
    const place = (optionIds: string[], key: string) =>
      employee.order.place({ items: [{ productId: dish.id, quantity: 1, optionIds }], idempotencyKey: key });

    expect(await reasonOf(place([], 'no-side-1'))).toBe('OPTION_CHOICE_INVALID');
    expect(await codeOf(place([], 'no-side-2'))).toBe('BAD_REQUEST');
    const twoSides = [optionId(dish, 'Fries'), optionId(dish, 'Bread')];
    expect(await reasonOf(place(twoSides, 'two-sides-1'))).toBe('OPTION_CHOICE_INVALID');
    const threeExtras = [optionId(dish, 'Fries'), optionId(dish, 'Cheese'), optionId(dish, 'Bacon'), optionId(dish, 'Egg')];
    expect(await reasonOf(place(threeExtras, 'three-extras'))).toBe('OPTION_CHOICE_INVALID');
    expect(await reasonOf(place([optionId(dish, 'Fries'), optionId(other, 'Cheese')], 'foreign-opt'))).toBe('OPTION_UNAVAILABLE');

    // Archived: kept on the dish (old carts resolve to a clear refusal), no longer offered.
    await (await as(cast.manager)).product.update({
      id: dish.id,
      optionGroups: dish.optionGroups.map((group) => ({
        ...group,
        options: group.options.map((option) => (option.name === 'Bacon' ? { ...option, isArchived: true } : option)),
      })),
    });
    const archived = [optionId(dish, 'Fries'), optionId(dish, 'Bacon')];
    expect(await reasonOf(place(archived, 'archived-1'))).toBe('OPTION_UNAVAILABLE');

    // Nothing happened: no order, no money, the stock untouched.
    expect(await count(orm, 'select count(*) as n from canteen_order')).toBe(0);
    expect(await balance()).toBe(5_000);
    expect((await employee.product.byId({ id: dish.id })).stock).toBe(5);

    // And a valid choice goes through.
    const placed = await place([optionId(dish, 'Fries'), optionId(dish, 'Egg')], 'valid-choice');
    expect(placed.totalCents).toBe(810);
  });

  it('keeps different choices of a dish as separate lines, merges equal ones, and counts the stock over all of them', async () => {
    const dish = await burger({ stock: 3 });
    const employee = await funded(10_000);
    const fries = optionId(dish, 'Fries');
    const bread = optionId(dish, 'Bread');
    const order = await employee.order.place({
      items: [
        { productId: dish.id, quantity: 1, optionIds: [fries] },
        { productId: dish.id, quantity: 1, optionIds: [bread] },
        { productId: dish.id, quantity: 1, optionIds: [fries] },
      ],
      idempotencyKey: 'split-lines',
    });
    expect(
      order.lines.map((line) => [line.options[0]!.name, line.quantity]).sort(([a], [b]) => String(a).localeCompare(String(b))),
    ).toEqual([
      ['Bread', 1],
      ['Fries', 2],
    ]);
    expect((await employee.product.byId({ id: dish.id })).stock).toBe(0);

    // A retry of the same basket in another order of lines is the same order; another basket under that key is not.
    const retry = await employee.order.place({
      items: [
        { productId: dish.id, quantity: 2, optionIds: [fries] },
        { productId: dish.id, quantity: 1, optionIds: [bread] },
      ],
      idempotencyKey: 'split-lines',
    });
    expect(retry.id).toBe(order.id);
    expect(
      await reasonOf(
        employee.order.place({
          items: [{ productId: dish.id, quantity: 3, optionIds: [fries], note: 'extra crispy' }],
          idempotencyKey: 'split-lines',
        }),
      ),
    ).toBe('IDEMPOTENCY_MISMATCH');
    // Sold out over both lines: one more of either choice is refused.
    expect(
      await reasonOf(
        employee.order.place({ items: [{ productId: dish.id, quantity: 1, optionIds: [bread] }], idempotencyKey: 'one-more' }),
      ),
    ).toBe('OUT_OF_STOCK');
  });

  it('refuses a note that is too long or carries invisible characters', async () => {
    const dish = await burger();
    const employee = await funded(5_000);
    const place = (note: string, key: string) =>
      employee.order.place({
        items: [{ productId: dish.id, quantity: 1, optionIds: [optionId(dish, 'Fries')], note }],
        idempotencyKey: key,
      });
    expect(await codeOf(place('x'.repeat(141), 'long-note'))).toBe('BAD_REQUEST');
    expect(await codeOf(place('no\u0000onions', 'null-note'))).toBe('BAD_REQUEST');
    // Markup is kept as text, never interpreted (the web shows it as text).
    const order = await place('<b>no</b> onions', 'markup-note');
    expect(order.lines[0]!.note).toBe('<b>no</b> onions');
    // A blank note is none.
    const blank = await place('   \n ', 'blank-note');
    expect(blank.lines[0]!.note).toBeNull();
    expect(await count(orm, 'select count(*) as n from canteen_order')).toBe(2);
  });

  it('keeps a dish under "free from" only when each required group can be chosen without the allergens', async () => {
    const dish = await burger();
    const category = dish.categoryId;
    const manager = await as(cast.manager);
    // Every side has milk: it cannot be eaten free from milk.
    await manager.product.create({
      name: 'Gratin plate',
      description: '',
      priceCents: 600,
      categoryId: category,
      allergens: [],
      dietaryTags: [],
      optionGroups: [
        {
          name: 'Side',
          minChoices: 1,
          maxChoices: 1,
          options: [
            { name: 'Gratin', priceDeltaCents: 0, allergens: ['milk'], isArchived: false },
            { name: 'Mash', priceDeltaCents: 0, allergens: ['milk'], isArchived: false },
            { name: 'Plain rice', priceDeltaCents: 0, allergens: [], isArchived: true },
          ],
        },
      ],
    });
    const employee = await as(cast.employee);
    const names = async (freeFrom: ('milk' | 'eggs' | 'gluten')[]) =>
      (await employee.product.list({ freeFrom, limit: 50 })).items.map((p) => p.name).sort((a, b) => a.localeCompare(b));
    // The burger has gluten itself; its extras are optional, so milk and eggs can be avoided.
    expect(await names(['milk'])).toEqual(['Burger']);
    expect(await names(['eggs'])).toEqual(['Burger', 'Gratin plate']);
    expect(await names(['gluten'])).toEqual(['Gratin plate']);
    expect((await employee.product.counts({ freeFrom: ['milk'] })).total).toBe(1);
  });

  it('lists what to cook per dish, option and slot on the production sheet, without cancelled orders', async () => {
    const tomorrow = tomorrowOf(deps);
    const week = await (await as(cast.admin)).slot.setDay({
      weekday: tomorrow.weekday,
      window: { from: '11:30', to: '12:00', everyMinutes: 15, capacity: 10 },
    });
    const [early, late] = week.days.find((d) => d.weekday === tomorrow.weekday)!.slots;
    const dish = await burger();
    const employee = await funded(20_000);
    const order = (key: string, fields: { optionIds: string[]; quantity: number; slotId: string; note?: string }) =>
      employee.order.place({
        items: [{ productId: dish.id, quantity: fields.quantity, optionIds: fields.optionIds, note: fields.note }],
        idempotencyKey: key,
        pickupDay: tomorrow.day,
        slotId: fields.slotId,
      });
    await order('sheet-order-1', {
      optionIds: [optionId(dish, 'Fries'), optionId(dish, 'Cheese')],
      quantity: 2,
      slotId: early!.id,
    });
    await order('sheet-order-2', { optionIds: [optionId(dish, 'Bread')], quantity: 1, slotId: late!.id, note: '=well done' });
    const cancelled = await order('sheet-order-3', { optionIds: [optionId(dish, 'Fries')], quantity: 4, slotId: late!.id });
    await employee.order.cancel({ orderId: cancelled.id });

    const sheet = await (await as(cast.kitchen)).kitchen.productionSheet({ day: tomorrow.day });
    expect(sheet).toEqual({
      day: tomorrow.day,
      orderCount: 2,
      dishes: [
        {
          productId: dish.id,
          productName: 'Burger',
          quantity: 3,
          toMake: 3,
          options: [
            { groupName: 'Extras', name: 'Cheese', quantity: 2 },
            { groupName: 'Side', name: 'Fries', quantity: 2 },
            { groupName: 'Side', name: 'Bread', quantity: 1 },
          ],
          bySlot: [
            { startsAt: '11:30', quantity: 2 },
            { startsAt: '11:45', quantity: 1 },
          ],
        },
      ],
      notes: [expect.objectContaining({ productName: 'Burger', quantity: 1, note: '=well done', startsAt: '11:45' })],
    });

    // The same as CSV for a spreadsheet: one row per dish, option, slot and note; a note is never a formula.
    const app = createApp({ orm, logger: silentLogger, deps, cookieSecure: false, trustProxy: false, trustedOrigins: [] });
    const token = `Bearer ${(await deps.tokens.sign(cast.kitchen.id)).token}`;
    const response = await app.request(`/export/production-sheet.csv?day=${tomorrow.day}`, { headers: { authorization: token } });
    expect(response.status).toBe(200);
    const rows = parse<Record<string, string>>(await response.text(), { columns: true });
    expect(rows.map((row) => [row.option_group, row.option, row.slot, row.quantity, row.still_to_make, row.note])).toEqual([
      ['', '', '', '3', '3', ''],
      ['Extras', 'Cheese', '', '2', '', ''],
      ['Side', 'Fries', '', '2', '', ''],
      ['Side', 'Bread', '', '1', '', ''],
      ['', '', '11:30', '2', '', ''],
      ['', '', '11:45', '1', '', ''],
      ['', '', '11:45', '1', '', "'=well done"],
    ]);
    const employeeToken = `Bearer ${(await deps.tokens.sign(cast.employee.id)).token}`;
    const refused = await app.request(`/export/production-sheet.csv?day=${tomorrow.day}`, {
      headers: { authorization: employeeToken },
    });
    expect(refused.status).toBe(403);
    // The kitchen's and managers' sheet, not an employee's.
    expect(await reasonOf(employee.kitchen.productionSheet({ day: tomorrow.day }))).toBe('ROLE_REQUIRED');
  });

  it('refuses option groups a dish cannot be ordered with', async () => {
    const category = await makeCategory(orm);
    const manager = await as(cast.manager);
    const create = (group: OptionGroupInput) =>
      manager.product.create({
        name: 'Odd dish',
        description: '',
        priceCents: 500,
        categoryId: category.id,
        allergens: [],
        dietaryTags: [],
        optionGroups: [group],
      });
    // Two required from one option still offered; least above most; two options with one name.
    const base = { name: 'Side', minChoices: 1, maxChoices: 1 };
    const fries = { name: 'Fries', priceDeltaCents: 0, allergens: [], isArchived: false };
    expect(
      await codeOf(
        create({ ...base, minChoices: 2, maxChoices: 2, options: [fries, { ...fries, name: 'Rice', isArchived: true }] }),
      ),
    ).toBe('BAD_REQUEST');
    expect(await codeOf(create({ ...base, minChoices: 2, maxChoices: 1, options: [fries, { ...fries, name: 'Rice' }] }))).toBe(
      'BAD_REQUEST',
    );
    expect(await codeOf(create({ ...base, options: [fries, { ...fries, name: 'FRIES' }] }))).toBe('BAD_REQUEST');
    expect(await count(orm, 'select count(*) as n from product')).toBe(0);
  });
});
