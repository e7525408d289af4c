import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common';
import { KITCHEN_STATUSES, type OrderStatus } from './lifecycle';
import { OrderStatusSchema } from './order';
import { DaySchema } from './schedule';

/** A line as the kitchen sees it: what to make and how many. No prices: the kitchen sees no money. */
export const KitchenLineSchema = z.object({
  productId: IdSchema,
  productName: z.string(),
  quantity: z.number().int(),
  /** The options chosen ("Side: Salad"), as ordered. */
  options: z.array(z.object({ groupName: z.string(), name: z.string() })),
  /** The eater's note for the kitchen. */
  note: z.string().nullable(),
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

/** The day's production sheet: what to cook for a day's orders (every order not cancelled or refunded). */
export const ProductionSheetInputSchema = z.object({ day: DaySchema });

export const ProductionSheetSchema = z.object({
  day: DaySchema,
  orderCount: z.number().int(),
  dishes: z.array(
    z.object({
      productId: IdSchema,
      productName: z.string(),
      /** All ordered for the day. */
      quantity: z.number().int(),
      /** Of those, not yet made (placed or preparing). */
      toMake: z.number().int(),
      /** How many of the dish come with each option. */
      options: z.array(z.object({ groupName: z.string(), name: z.string(), quantity: z.number().int() })),
      /** How many per pickup slot (`startsAt` null: as soon as possible), earliest first. */
      bySlot: z.array(z.object({ startsAt: z.string().nullable(), quantity: z.number().int() })),
    }),
  ),
  /** The lines with a note, by pickup time. */
  notes: z.array(
    z.object({
      orderId: IdSchema,
      userName: z.string(),
      startsAt: z.string().nullable(),
      productId: IdSchema,
      productName: z.string(),
      quantity: z.number().int(),
      note: z.string(),
    }),
  ),
});
export type ProductionSheet = z.infer<typeof ProductionSheetSchema>;

export type SheetLine = {
  orderId: string;
  status: OrderStatus;
  userName: string;
  /** The pickup slot's start (null: as soon as possible). */
  startsAt: string | null;
  productId: string;
  productName: string;
  quantity: number;
  options: readonly { groupName: string; name: string }[];
  note: string | null;
};

const bySlotTime = (a: string | null, b: string | null): number => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
};

/**
 * The production sheet from a day's standing lines (given in pickup order): per dish, most first, how many in all,
 * how many still to make, per option and per slot (slots by time, "as soon as possible" last); and the notes.
 */
export const productionSheetOf = (day: string, lines: readonly SheetLine[]): ProductionSheet => {
  type Dish = ProductionSheet['dishes'][number];
  const dishes = new Map<
    string,
    Dish & { optionCounts: Map<string, Dish['options'][number]>; slotCounts: Map<string | null, number> }
  >();
  for (const line of lines) {
    const dish = dishes.get(line.productId) ?? {
      productId: line.productId,
      productName: line.productName,
      quantity: 0,
      toMake: 0,
      options: [],
      bySlot: [],
      optionCounts: new Map(),
      slotCounts: new Map(),
    };
    dish.quantity += line.quantity;
    if (line.status === 'placed' || line.status === 'preparing') dish.toMake += line.quantity;
    for (const option of line.options) {
      const key = JSON.stringify([option.groupName, option.name]);
      const count = dish.optionCounts.get(key) ?? { groupName: option.groupName, name: option.name, quantity: 0 };
      count.quantity += line.quantity;
      dish.optionCounts.set(key, count);
    }
    dish.slotCounts.set(line.startsAt, (dish.slotCounts.get(line.startsAt) ?? 0) + line.quantity);
    dishes.set(line.productId, dish);
  }
  return {
    day,
    orderCount: new Set(lines.map((line) => line.orderId)).size,
    dishes: [...dishes.values()]
      .sort((a, b) => b.quantity - a.quantity || a.productName.localeCompare(b.productName))
      .map(({ optionCounts, slotCounts, ...dish }) => ({
        ...dish,
        options: [...optionCounts.values()].sort(
          (a, b) => a.groupName.localeCompare(b.groupName) || b.quantity - a.quantity || a.name.localeCompare(b.name),
        ),
        bySlot: [...slotCounts].sort(([a], [b]) => bySlotTime(a, b)).map(([startsAt, quantity]) => ({ startsAt, quantity })),
      })),
    notes: lines
      .filter((line): line is SheetLine & { note: string } => line.note !== null)
      .map(({ orderId, userName, startsAt, productId, productName, quantity, note }) => ({
        orderId,
        userName,
        startsAt,
        productId,
        productName,
        quantity,
        note,
      })),
  };
};
