import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common';
import { KITCHEN_STATUSES } from './lifecycle';
import { OrderStatusSchema } from './order';
import { DaySchema } from './schedule';

/** A line as the kitchen sees it: what to make and how many. No prices: the kitchen sees no money. */
export const KitchenLineSchema = z.object({
  productId: IdSchema,
  productName: z.string(),
  quantity: z.number().int(),
});

/** An order on the kitchen display and at the counter. */
export const KitchenTicketSchema = z.object({
  id: IdSchema,
  status: OrderStatusSchema,
  /** Who collects it (the eater), as the counter calls them. */
  userName: z.string(),
  /** Placed at the till by someone else. */
  isTillOrder: z.boolean(),
  createdAt: IsoDateSchema,
  statusChangedAt: IsoDateSchema,
  /** The day it is for (pre-orders show on the display from that day on). */
  pickupDay: DaySchema,
  /** When its pickup slot starts (null: as soon as possible). */
  pickupAt: IsoDateSchema.nullable(),
  lines: z.array(KitchenLineSchema),
});
export type KitchenTicket = z.infer<typeof KitchenTicketSchema>;

/** How many of each dish the open tickets still need ("all day"), most first. */
export const AllDayCountSchema = z.object({ productId: IdSchema, productName: z.string(), quantity: z.number().int() });
export type AllDayCount = z.infer<typeof AllDayCountSchema>;

export const KitchenQueueSchema = z.object({
  /** Open orders for today (placed, preparing, ready): by pickup time, then oldest first. */
  tickets: z.array(KitchenTicketSchema),
  /** Still to prepare: the lines of placed and preparing tickets, by dish. */
  allDay: z.array(AllDayCountSchema),
});
export type KitchenQueue = z.infer<typeof KitchenQueueSchema>;

export const KitchenQueueInputSchema = z.object({}).strict();

/**
 * The counter: what the person shows, typed or scanned. The order number as printed ("#1A2B3C4D", or its last
 * four or more digits) or the order id a receipt's QR code carries.
 */
export const KitchenLookupInputSchema = z.object({ code: z.string().trim().min(4).max(64) });
export const KitchenLookupSchema = z.object({ tickets: z.array(KitchenTicketSchema) });

export const KitchenStatusSchema = z.enum(KITCHEN_STATUSES);
export const SetKitchenStatusInputSchema = z.object({
  orderId: IdSchema,
  status: KitchenStatusSchema,
  /** The status the screen showed: when the order has moved since, the call is refused (`ORDER_STATUS_CHANGED`). */
  from: OrderStatusSchema.optional(),
});
export type SetKitchenStatusInput = z.infer<typeof SetKitchenStatusInputSchema>;
