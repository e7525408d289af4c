import { beforeEach, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { User } from '@canteen/db';
import { addDays, dayIn, isoWeekday } from '@canteen/shared';
import {
  createTestCaller,
  createTestDeps,
  fund,
  getTestOrm,
  makeCast,
  makePayer,
  makeProduct,
  makeUser,
  tomorrowOf,
  countOf,
  reasonOf,
} from './helpers';

/**
 * Issue 15 (the week plan): pickup slots and their capacity, pre-orders for a later day, daily dishes with a
 * quantity per day on the published plan, and the cut-off after which an order belongs to the kitchen. Every
 * refusal is typed and changes nothing; a rush of pre-orders never overbooks a slot or a day's dish.
 */

const as = (user: User) => createTestCaller({ user });

const count = countOf;

describe('the week plan', () => {
  let orm: MikroORM;
  let cast: Awaited<ReturnType<typeof makeCast>>;
  const deps = createTestDeps();
  const tomorrow = tomorrowOf(deps);
  beforeEach(async () => {
    orm = await getTestOrm();
    cast = await makeCast(orm);
  });

  /** Tomorrow's slots: 11:30, 11:45 (capacity each). */
  const slotsTomorrow = async (capacity: number) => {
    const week = await (await as(cast.admin)).slot.setDay({
      weekday: tomorrow.weekday,
      window: { from: '11:30', to: '12:00', everyMinutes: 15, capacity },
    });
    return week.days.find((d) => d.weekday === tomorrow.weekday)!.slots;
  };

  /** A daily dish planned and published for `day`. */
  const plannedDish = async (day: string, plannedQuantity: number | null, { publish = true } = {}) => {
    const dish = await makeProduct(orm, { name: `Daily ${day}`, priceCents: 650, isScheduled: true });
    const manager = await as(cast.manager);
    await manager.plan.setDish({ day, productId: dish.id, plannedQuantity, isChefsChoice: true });
    if (publish) await manager.plan.publish({ day, isPublished: true });
    return dish;
  };

  it('cuts a weekday into slots, keeps their ids when set again, and says what is left', async () => {
    const first = await slotsTomorrow(2);
    expect(first.map((slot) => slot.startsAt)).toEqual(['11:30', '11:45']);
    const again = await (await as(cast.admin)).slot.setDay({
      weekday: tomorrow.weekday,
      window: { from: '11:30', to: '12:15', everyMinutes: 15, capacity: 3 },
    });
    const slots = again.days.find((d) => d.weekday === tomorrow.weekday)!.slots;
    expect(slots.map((slot) => [slot.startsAt, slot.capacity])).toEqual([
      ['11:30', 3],
      ['11:45', 3],
      ['12:00', 3],
    ]);
    expect(slots[0]!.id).toBe(first[0]!.id);
    const day = await (await as(cast.employee)).slot.day({ day: tomorrow.day });
    expect(day.isOrderable).toBe(true);
    expect(day.slots.map((slot) => [slot.startsAt, slot.left, slot.isOpen])).toEqual([
      ['11:30', 3, true],
      ['11:45', 3, true],
      ['12:00', 3, true],
    ]);
    // The days one may order for: today and the next five (the default), with the cut-off.
    const horizon = await (await as(cast.employee)).slot.horizon();
    expect(horizon.days).toHaveLength(6);
    expect(horizon).toMatchObject({ today: dayIn(new Date(), deps.canteen.timeZone), cutoffTime: '10:30' });
    expect(horizon.days[1]).toBe(tomorrow.day);
    // An employee cannot set slots.
    expect(await reasonOf((await as(cast.employee)).slot.setDay({ weekday: 1, window: null }))).toBe('ROLE_REQUIRED');
  });

  it('pre-orders for tomorrow into a slot, keeps it off today’s kitchen display, and refuses a full slot with the next free ones', async () => {
    const [early, late] = await slotsTomorrow(1);
    const dish = await makeProduct(orm, { priceCents: 400 });
    const payer = await makePayer(orm);
    await fund(orm, cast.employee, payer, 2_000);
    const employee = await as(cast.employee);
    const order = await employee.order.place({
      items: [{ productId: dish.id, quantity: 1 }],
      idempotencyKey: 'pre-order-1',
      pickupDay: tomorrow.day,
      slotId: early!.id,
    });
    expect(order).toMatchObject({
      pickupDay: tomorrow.day,
      pickupSlot: { id: early!.id, startsAt: '11:30' },
      isChangeable: true,
    });
    const queue = await (await as(cast.kitchen)).kitchen.queue({});
    expect(queue.tickets.map((t) => t.id)).not.toContain(order.id);

    // The slot is full now: a second order for it is refused, offered 11:45, and charged nothing.
    await fund(orm, cast.manager, payer, 2_000);
    const before = await count(orm, 'select count(*) as n from wallet_entry');
    const refusal = (await as(cast.manager)).order.place({
      items: [{ productId: dish.id, quantity: 1 }],
      idempotencyKey: 'pre-order-2',
      pickupDay: tomorrow.day,
      slotId: early!.id,
    });
    await expect(refusal).rejects.toMatchObject({
      cause: { reason: 'SLOT_FULL', details: { nextSlots: [{ startsAt: '11:45' }] } },
    });
    expect(await count(orm, 'select count(*) as n from wallet_entry')).toBe(before);
    // Without a slot asked for, the earliest free one is taken.
    const fallback = await (await as(cast.manager)).order.place({
      items: [{ productId: dish.id, quantity: 1 }],
      idempotencyKey: 'pre-order-3',
      pickupDay: tomorrow.day,
    });
    expect(fallback.pickupSlot?.id).toBe(late!.id);
    // Beyond the horizon (5 days by default): refused.
    expect(
      await reasonOf(
        employee.order.place({
          items: [{ productId: dish.id, quantity: 1 }],
          idempotencyKey: 'too-far-ahead',
          pickupDay: addDays(tomorrow.day, 10),
        }),
      ),
    ).toBe('PICKUP_DAY_NOT_ORDERABLE');
  });

  it('orders for now without slots as before (walking up still works)', async () => {
    const dish = await makeProduct(orm, { priceCents: 300 });
    await fund(orm, cast.employee, await makePayer(orm), 1_000);
    const order = await (await as(cast.employee)).order.place({
      items: [{ productId: dish.id, quantity: 1 }],
      idempotencyKey: 'walk-up-now-1',
    });
    expect(order.pickupDay).toBe(dayIn(new Date(), deps.canteen.timeZone));
    expect(order.pickupSlot).toBeNull();
    expect((await (await as(cast.kitchen)).kitchen.queue({})).tickets.map((t) => t.id)).toContain(order.id);
  });

  it('serves a daily dish only on the published days that plan it, never beyond the planned quantity', async () => {
    const payer = await makePayer(orm);
    await fund(orm, cast.employee, payer, 10_000);
    const employee = await as(cast.employee);
    const draft = await plannedDish(tomorrow.day, 5, { publish: false });
    const place = (productId: string, key: string, quantity = 1) =>
      employee.order.place({ items: [{ productId, quantity }], idempotencyKey: key, pickupDay: tomorrow.day });
    // Planned but not published: not on the menu.
    expect(await reasonOf(place(draft.id, 'draft-order-1'))).toBe('PRODUCT_NOT_PLANNED');
    // Employees do not see the draft; the manager does.
    const employeeWeek = await employee.plan.week({ day: tomorrow.day });
    expect(employeeWeek.days.find((d) => d.day === tomorrow.day)!.dishes).toEqual([]);
    const managerWeek = await (await as(cast.manager)).plan.week({ day: tomorrow.day });
    expect(managerWeek.days.find((d) => d.day === tomorrow.day)!.dishes.map((d) => d.productId)).toEqual([draft.id]);

    const dish = await plannedDish(tomorrow.day, 2);
    // Not planned the day after: refused there.
    expect(
      await reasonOf(
        employee.order.place({
          items: [{ productId: dish.id, quantity: 1 }],
          idempotencyKey: 'the-day-after',
          pickupDay: addDays(tomorrow.day, 1),
        }),
      ),
    ).toBe('PRODUCT_NOT_PLANNED');
    await place(dish.id, 'planned-1', 2);
    expect(await reasonOf(place(dish.id, 'planned-2'))).toBe('OUT_OF_STOCK');
    const week = await employee.plan.week({ day: tomorrow.day });
    expect(week.days.find((d) => d.day === tomorrow.day)!.dishes.find((d) => d.productId === dish.id)).toMatchObject({
      plannedQuantity: 2,
      sold: 2,
      left: 0,
      isChefsChoice: true,
    });
    // A quantity below what was sold is refused; a dish with orders cannot be taken off the day.
    const manager = await as(cast.manager);
    expect(await reasonOf(manager.plan.setDish({ day: tomorrow.day, productId: dish.id, plannedQuantity: 1 }))).toBe(
      'PLAN_BELOW_SOLD',
    );
    expect(await reasonOf(manager.plan.removeDish({ day: tomorrow.day, productId: dish.id }))).toBe('IN_USE');
    // An every-day dish does not go on the plan.
    const drink = await makeProduct(orm);
    expect(await reasonOf(manager.plan.setDish({ day: tomorrow.day, productId: drink.id, plannedQuantity: 3 }))).toBe(
      'PRODUCT_NOT_SCHEDULED',
    );
  });

  it('copies a week onto another and publishes it', async () => {
    const dish = await makeProduct(orm, { isScheduled: true });
    const manager = await as(cast.manager);
    await manager.plan.setDish({ day: '2031-03-04', productId: dish.id, plannedQuantity: 30, isNew: true });
    const copied = await manager.plan.copyWeek({ from: '2031-03-03', to: '2031-03-12' });
    expect(copied.weekStart).toBe('2031-03-10');
    const tuesday = copied.days.find((d) => d.day === '2031-03-11')!;
    expect(tuesday.dishes).toMatchObject([{ productId: dish.id, plannedQuantity: 30, sold: 0, isNew: true }]);
    expect(tuesday.publishedAt).toBeNull();
    const published = await manager.plan.publish({ day: '2031-03-10', isPublished: true });
    expect(published.days.find((d) => d.day === '2031-03-11')!.publishedAt).not.toBeNull();
    // Days without dishes stay unpublished.
    expect(published.days.find((d) => d.day === '2031-03-10')!.publishedAt).toBeNull();
  });

  it('lets the owner change the slot or cancel until the cut-off, refunding exactly once, and not after it', async () => {
    const [early, late] = await slotsTomorrow(5);
    const dish = await plannedDish(tomorrow.day, 10);
    await fund(orm, cast.employee, await makePayer(orm), 5_000);
    const employee = await as(cast.employee);
    const order = await employee.order.place({
      items: [{ productId: dish.id, quantity: 2 }],
      idempotencyKey: 'cut-off-1',
      pickupDay: tomorrow.day,
      slotId: early!.id,
    });
    const moved = await employee.order.changeSlot({ orderId: order.id, slotId: late!.id });
    expect(moved.pickupSlot?.startsAt).toBe('11:45');
    const day = await employee.slot.day({ day: tomorrow.day });
    expect(day.slots.map((slot) => slot.left)).toEqual([5, 4]);

    // Before the cut-off: cancelled, twice at once: the money comes back exactly once, the dish and the slot too.
    const [a, b] = await Promise.allSettled([
      employee.order.cancel({ orderId: order.id }),
      (await as(cast.employee)).order.cancel({ orderId: order.id }),
    ]);
    expect([a.status, b.status]).toEqual(['fulfilled', 'fulfilled']);
    expect(await count(orm, "select count(*) as n from wallet_entry where order_id = ? and kind = 'refund'", [order.id])).toBe(1);
    expect((await employee.slot.day({ day: tomorrow.day })).slots.map((slot) => slot.left)).toEqual([5, 5]);
    // Every open slot picker was told, in the same transactions: booked, moved (both slots), given back once.
    const slotEvents = await orm.em
      .fork()
      .getConnection()
      .execute<{ payload: unknown }[]>(`select payload from live_event where payload->>'type' = 'slots' order by id`);
    expect(slotEvents.map((row) => row.payload)).toEqual([
      { type: 'slots', day: tomorrow.day, slots: [{ id: early!.id, left: 4 }] },
      {
        type: 'slots',
        day: tomorrow.day,
        slots: [
          { id: late!.id, left: 4 },
          { id: early!.id, left: 5 },
        ],
      },
      { type: 'slots', day: tomorrow.day, slots: [{ id: late!.id, left: 5 }] },
    ]);
    const week = await employee.plan.week({ day: tomorrow.day });
    expect(week.days.find((d) => d.day === tomorrow.day)!.dishes[0]!.sold).toBe(0);

    // After the cut-off: an order placed before it (yesterday, for today) belongs to the kitchen.
    const today = dayIn(new Date(), deps.canteen.timeZone);
    const plain = await makeProduct(orm, { priceCents: 300 });
    const late_ = await employee.order.place({ items: [{ productId: plain.id, quantity: 1 }], idempotencyKey: 'cut-off-2' });
    await orm.em
      .fork()
      .getConnection()
      .execute(`update canteen_order set created_at = created_at - interval '1 day', pickup_day = ? where id = ?`, [
        today,
        late_.id,
      ]);
    await (await as(cast.admin)).settings.update({ cutoffTime: '00:00' });
    const afterCutoff = await as(cast.employee);
    expect((await afterCutoff.order.byId({ id: late_.id })).isChangeable).toBe(false);
    expect(await reasonOf(afterCutoff.order.cancel({ orderId: late_.id }))).toBe('PAST_CUTOFF');
    expect(await count(orm, "select count(*) as n from wallet_entry where order_id = ? and kind = 'refund'", [late_.id])).toBe(0);
    expect(isoWeekday(today)).toBeGreaterThan(0);
  });

  it('never overbooks a slot or a daily dish under a rush of 200 concurrent pre-orders', async () => {
    const SLOT_CAPACITY = 60;
    const PLANNED = 10;
    const [slot] = await slotsTomorrow(SLOT_CAPACITY);
    const dish = await plannedDish(tomorrow.day, PLANNED);
    const side = await makeProduct(orm, { name: 'Side salad', priceCents: 200 });
    const payer = await makePayer(orm);
    const people = [];
    for (let i = 0; i < 200; i++) {
      const person = await makeUser(orm);
      await fund(orm, person, payer, 5_000);
      people.push(person);
    }
    const before = await count(orm, 'select count(*) as n from wallet_entry');
    // Half want the daily dish, half only the side: the dish runs out at 10, the slot at 60.
    const results = await Promise.allSettled(
      people.map(async (person, i) =>
        (await createTestCaller({ user: person })).order.place({
          items: [{ productId: i % 2 === 0 ? dish.id : side.id, quantity: 1 }],
          idempotencyKey: `pre-order-rush-${i}`,
          pickupDay: tomorrow.day,
          slotId: slot!.id,
        }),
      ),
    );
    const placed = results.filter((r) => r.status === 'fulfilled').length;
    const reasons = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => (r.reason as { cause?: { reason?: string } }).cause?.reason);
    expect(new Set(reasons)).toEqual(new Set(['SLOT_FULL', 'OUT_OF_STOCK']));
    expect(placed).toBe(SLOT_CAPACITY);
    const booked = await count(orm, 'select booked as n from slot_booking where slot_id = ? and day = ?', [
      slot!.id,
      tomorrow.day,
    ]);
    expect(booked).toBe(SLOT_CAPACITY);
    expect(await count(orm, 'select count(*) as n from canteen_order where pickup_slot_id = ?', [slot!.id])).toBe(SLOT_CAPACITY);
    const sold = await count(orm, 'select sold as n from menu_day_dish where product_id = ?', [dish.id]);
    expect(sold).toBeLessThanOrEqual(PLANNED);
    expect(await count(orm, 'select coalesce(sum(quantity), 0) as n from order_line where product_id = ?', [dish.id])).toBe(sold);
    // Every refusal changed nothing: one spend entry per placed order, no more.
    expect(await count(orm, 'select count(*) as n from wallet_entry')).toBe(before + placed);
  });

  it('lists a daily dish on the menu of a day only when its published plan has it, with that day’s badges and what is left', async () => {
    const everyday = await makeProduct(orm, { name: 'Everyday water' });
    const daily = await plannedDish(tomorrow.day, 12);
    const draft = await plannedDish(addDays(tomorrow.day, 1), 5, { publish: false });
    // One process: the manager's plan change drops the menu pages this employee's menu was served from.
    const employee = await createTestCaller({ user: cast.employee, deps });
    const menuOf = async (day?: string) =>
      (await employee.product.list({ limit: 50, ...(day ? { day } : {}) })).items.map((p) => [p.name, p.stock, p.plan]);
    expect(await menuOf(tomorrow.day)).toEqual([
      [daily.name, 12, { isNew: false, isChefsChoice: true }],
      ['Everyday water', everyday.stock, null],
    ]);
    // The day after: planned but not published; today: not planned.
    expect((await menuOf(addDays(tomorrow.day, 1))).map(([name]) => name)).toEqual(['Everyday water']);
    expect((await employee.product.counts({ day: dayIn(new Date(), deps.canteen.timeZone) })).total).toBe(1);
    // Only the daily dishes (the planning page's picker).
    expect(
      (await employee.product.list({ limit: 50, isScheduled: true })).items.map((p) => p.name).sort((a, b) => a.localeCompare(b)),
    ).toEqual([daily.name, draft.name].sort((a, b) => a.localeCompare(b)));
    // Without a day (the manager's products page), every dish.
    const names = (await employee.product.list({ limit: 50 })).items.map((p) => p.name);
    expect(names).toHaveLength(3);
    expect(new Set(names)).toEqual(new Set([daily.name, draft.name, 'Everyday water']));

    // An order takes from the day's quantity; the menu shows it at once (the plan changed the cache too).
    const payer = await makePayer(orm);
    await fund(orm, cast.employee, payer, 5_000);
    await employee.order.place({
      items: [{ productId: daily.id, quantity: 3 }],
      idempotencyKey: 'menu-day-order',
      pickupDay: tomorrow.day,
    });
    const manager = await createTestCaller({ user: cast.manager, deps });
    await manager.plan.setDish({ day: tomorrow.day, productId: daily.id, plannedQuantity: 12, isNew: true });
    expect((await menuOf(tomorrow.day))[0]).toEqual([daily.name, 9, { isNew: true, isChefsChoice: true }]);
  });
});
