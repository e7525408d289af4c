import { defineEntity, p } from '@mikro-orm/core';
import { Product } from '../menu/product.entity';
import { User } from '../user/user.entity';

/** A day of the menu plan: its dishes are for everyone once it is published, for managers before. */
export const MenuDaySchema = defineEntity({
  name: 'MenuDay',
  properties: {
    day: p.date().primary(),
    publishedAt: p.datetime().nullable(),
    publishedBy: () => p.manyToOne(User).ref().nullable().deleteRule('set null'),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class MenuDay extends MenuDaySchema.class {}
MenuDaySchema.setClass(MenuDay);

/**
 * A scheduled dish on a day of the plan, with its planned quantity (that day's stock; null: as many as ordered)
 * and how many were sold. `sold` moves with orders in their transaction, never above the plan.
 */
export const MenuDayDishSchema = defineEntity({
  name: 'MenuDayDish',
  properties: {
    menuDay: () => p.manyToOne(MenuDay).ref().primary().fieldName('day').deleteRule('cascade'),
    product: () => p.manyToOne(Product).ref().primary().deleteRule('restrict').index(),
    plannedQuantity: p.integer().nullable().check('planned_quantity is null or planned_quantity >= 0'),
    sold: p.integer().default(0).check('sold >= 0'),
    isNew: p.boolean().default(false),
    isChefsChoice: p.boolean().default(false),
  },
  checks: [{ name: 'menu_day_dish_sold_within_plan_check', expression: 'planned_quantity is null or sold <= planned_quantity' }],
});
export class MenuDayDish extends MenuDayDishSchema.class {}
MenuDayDishSchema.setClass(MenuDayDish);
