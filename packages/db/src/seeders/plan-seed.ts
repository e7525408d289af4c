import type { EntityManager } from '@mikro-orm/core';
import { addDays, dayIn, isoWeekday, slotStarts } from '@canteen/shared';
import { buildProduct } from '../factories';
import { Category } from '../menu/category.entity';
import { Product } from '../menu/product.entity';
import { MenuDay, MenuDayDish } from '../plan/menu-day.entity';
import { PickupSlot } from '../plan/pickup-slot.entity';
import { DAILY_DISHES } from './menu-data';
import { withOptionIds } from './wallet-seed';

/** Lunch on weekdays: a pickup slot every 15 minutes from 11:30 to 14:00, 25 orders each. */
export const DEMO_SLOT_WINDOW = { from: '11:30', to: '14:00', everyMinutes: 15, capacity: 25 } as const;
/** How many days of the menu plan the demo publishes, from today. */
const DEMO_PLAN_DAYS = 14;

/**
 * The week plan of the demo: pickup slots Monday to Friday, the daily dishes, and a published plan for the next two
 * weeks' weekdays (two or three daily dishes a day, 40 of each, some "new" or "chef's choice"). Days are the
 * canteen's (`timeZone`).
 */
export const seedWeekPlan = async (em: EntityManager, { timeZone, now = new Date() }: { timeZone: string; now?: Date }) => {
  for (let weekday = 1; weekday <= 5; weekday++) {
    for (const startsAt of slotStarts(DEMO_SLOT_WINDOW)) {
      em.create(PickupSlot, { weekday, startsAt, capacity: DEMO_SLOT_WINDOW.capacity });
    }
  }
  const mains = await em.findOneOrFail(Category, { name: 'Mains' });
  const existing = new Map((await em.find(Product, { name: DAILY_DISHES.map((d) => d.name) })).map((p) => [p.name, p]));
  const dishes = DAILY_DISHES.map(
    (spec) =>
      existing.get(spec.name) ??
      buildProduct(em, {
        name: spec.name,
        description: spec.description,
        priceCents: spec.priceCents,
        category: mains,
        allergens: spec.allergens,
        dietaryTags: spec.dietaryTags,
        stock: null,
        isScheduled: true,
        optionGroups: withOptionIds(spec.optionGroups),
      }),
  );
  await em.flush();
  const today = dayIn(now, timeZone);
  let turn = 0;
  for (let offset = 0; offset < DEMO_PLAN_DAYS; offset++) {
    const day = addDays(today, offset);
    if (isoWeekday(day) > 5) continue;
    const menuDay = em.create(MenuDay, { day, publishedAt: now });
    const count = turn % 2 === 0 ? 3 : 2;
    for (let i = 0; i < count; i++) {
      const product = dishes[(turn + i) % dishes.length]!;
      em.create(MenuDayDish, {
        menuDay,
        product,
        plannedQuantity: 40,
        sold: 0,
        isNew: offset > 6 && i === 0,
        isChefsChoice: i === 0 && offset <= 6,
      });
    }
    turn++;
  }
  await em.flush();
};

/** A demo database from before the week plan gets it at the next start, once (while it has no slots and no plan). */
export const addMissingWeekPlan = async (em: EntityManager, timeZone: string): Promise<void> => {
  if ((await em.count(PickupSlot)) > 0 || (await em.count(MenuDay)) > 0) return;
  if ((await em.count(Category, { name: 'Mains' })) === 0) return;
  await seedWeekPlan(em, { timeZone });
};
