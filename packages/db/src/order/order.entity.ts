import { defineEntity, p } from '@mikro-orm/core';
import { type Allergen, type ChosenOption, ORDER_STATUSES } from '@canteen/shared';
import { baseProperties } from '../common/base';
import { Product } from '../menu/product.entity';
import { PickupSlot } from '../plan/pickup-slot.entity';
import { User } from '../user/user.entity';

export const OrderSchema = defineEntity({
  name: 'Order',
  tableName: 'canteen_order',
  properties: {
    ...baseProperties,
    /** Who eats and pays. */
    user: () => p.manyToOne(User).ref().deleteRule('restrict'),
    /** The user themself, or a manager at the till. */
    placedBy: () => p.manyToOne(User).ref().deleteRule('restrict').index(),
    /**
     * The eater's department when the order was placed: reports attribute the order to it even after the person
     * moves. A snapshot, not a relation, so deleting a department never rewrites history.
     */
    departmentId: p.uuid().nullable(),
    /** The lifecycle (`@canteen/shared` lifecycle.ts): placed -> preparing -> ready -> collected, or cancelled / refunded. */
    status: p.enum(ORDER_STATUSES).nativeEnumName('order_status').default('placed'),
    statusChangedAt: p.datetime().onCreate(() => new Date()),
    readyAt: p.datetime().nullable(),
    collectedAt: p.datetime().nullable(),
    cancelledAt: p.datetime().nullable(),
    /** Still not collected when the canteen's day ended: flagged for a manager (never refunded by itself). */
    uncollectedAt: p.datetime().nullable(),
    totalCents: p.integer().check('total_cents >= 0'),
    /** The day it is for, in the canteen's zone: today, or a later day (a pre-order). */
    pickupDay: p.date().index(),
    /** The pickup slot taken (null: as soon as possible, walking up). */
    pickupSlot: () => p.manyToOne(PickupSlot).ref().nullable().deleteRule('restrict'),
    /** When that slot starts, for the kitchen's order of work. */
    pickupAt: p.datetime().nullable(),
    idempotencyKey: p.string().length(80),
    /** Hash of the items asked for, so a reused key with a different basket is refused. */
    requestHash: p.string().length(64),
    refundedAt: p.datetime().nullable(),
    refundedBy: () => p.manyToOne(User).ref().nullable().deleteRule('set null'),
    refundReason: p.string().length(280).nullable(),
    lines: () => p.oneToMany(OrderLine).mappedBy('order'),
  },
  uniques: [{ properties: ['user', 'idempotencyKey'] }],
  indexes: [
    { properties: ['user', 'createdAt'] },
    { properties: ['createdAt'] },
    // The kitchen's queue: open orders, oldest first.
    {
      name: 'canteen_order_uncollected_index',
      expression: `create index "canteen_order_uncollected_index" on "canteen_order" ("uncollected_at") where "uncollected_at" is not null`,
    },
    {
      name: 'canteen_order_open_index',
      expression: `create index "canteen_order_open_index" on "canteen_order" ("created_at") where "status" in ('placed', 'preparing', 'ready')`,
    },
  ],
});

export class Order extends OrderSchema.class {}
OrderSchema.setClass(Order);

export const OrderLineSchema = defineEntity({
  name: 'OrderLine',
  properties: {
    ...baseProperties,
    order: () => p.manyToOne(Order).ref().deleteRule('cascade').index(),
    product: () => p.manyToOne(Product).ref().deleteRule('restrict').index(),
    quantity: p.integer().check('quantity > 0'),
    unitPriceCents: p.integer().check('unit_price_cents >= 0'),
    productName: p.string().length(120),
    /** The plan day whose stock the line took (a scheduled dish), so a cancel or refund puts it back there. */
    planDay: p.date().nullable(),
    /** The options chosen, named and priced as they were (already in `unitPriceCents`). */
    options: p
      .json<ChosenOption[]>()
      .defaultRaw(`'[]'`)
      .onCreate(() => []),
    /** The dish's allergens and its options', as they were when ordered. */
    allergens: p.array<Allergen>().default([]),
    /** The eater's note for the kitchen. */
    note: p.string().length(140).nullable(),
  },
});

export class OrderLine extends OrderLineSchema.class {}
OrderLineSchema.setClass(OrderLine);
