import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../common/base';

/**
 * A pickup slot of a weekday (docs/PRODUCT.md § Planning): its start time in the canteen's zone and how many
 * orders it takes. Slots are never deleted (orders point at them); a weekday set anew retires the old ones.
 */
export const PickupSlotSchema = defineEntity({
  name: 'PickupSlot',
  properties: {
    ...baseProperties,
    /** ISO weekday: 1 Monday … 7 Sunday. */
    weekday: p.integer().check('weekday >= 1 and weekday <= 7'),
    /** `HH:MM`, 24 h. */
    startsAt: p.string().length(5),
    capacity: p.integer().check('capacity > 0'),
    isActive: p.boolean().default(true),
  },
  uniques: [{ properties: ['weekday', 'startsAt'] }],
});
export class PickupSlot extends PickupSlotSchema.class {}
PickupSlotSchema.setClass(PickupSlot);

/** How many orders a slot holds on one day: taken with the payment, given back by a cancel, refund or move. */
export const SlotBookingSchema = defineEntity({
  name: 'SlotBooking',
  properties: {
    day: p.date().primary(),
    slot: () => p.manyToOne(PickupSlot).ref().primary().deleteRule('cascade'),
    booked: p.integer().default(0).check('booked >= 0'),
  },
});
export class SlotBooking extends SlotBookingSchema.class {}
SlotBookingSchema.setClass(SlotBooking);
