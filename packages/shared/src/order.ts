import { z } from 'zod';
import { DateInputSchema, IdSchema, IsoDateSchema, PageInputSchema, TextSchema, pageOf } from './common';
import { MAX_LINE_QUANTITY, MAX_NOTE_LENGTH, MAX_ORDER_LINES } from './constants';

export type OrderItem = { productId: string; quantity: number; optionIds?: string[] | undefined; note?: string | undefined };

/** What makes two items the same line: the dish, the options chosen (in any order) and the note (the basket's rule). */
export const orderLineKey = basketLineKey;

/**
 * One line per dish, options and note, quantities added up, in first-seen order: the basket the order rules are
 * checked on.
 */
export const mergeOrderItems = <I extends OrderItem>(items: readonly I[]): I[] => {
  const merged = new Map<string, I>();
  for (const item of items) {
    const key = orderLineKey(item);
    const earlier = merged.get(key);
    merged.set(key, earlier ? { ...earlier, quantity: earlier.quantity + item.quantity } : item);
  }
  return [...merged.values()];
};

/** How many of each dish a basket holds, over all its lines (stock and the per-dish cap count these). */
export const quantitiesByDish = (items: readonly Pick<OrderItem, 'productId' | 'quantity'>[]): Map<string, number> => {
  const quantities = new Map<string, number>();
  for (const { productId, quantity } of items) quantities.set(productId, (quantities.get(productId) ?? 0) + quantity);
  return quantities;
};
import { ORDER_STATUSES } from './lifecycle';
import { basketLineKey } from './rules';
import { ChosenOptionSchema, KitchenNoteSchema, OptionIdsSchema } from './options';
import { AllergenSchema } from './product';
import { DaySchema, TimeOfDaySchema } from './schedule';
import { PayerAmountSchema } from './wallet';

export const OrderStatusSchema = z.enum(ORDER_STATUSES);

export const PlaceOrderInputSchema = z.object({
  /**
   * Items of the same dish, options and note are merged into one line; the cap counts a dish over all its lines, so
   * splitting a line cannot bypass it.
   */
  items: z
    .array(
      z.object({
        productId: IdSchema,
        quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
        /** The dish's options chosen (ids); each group's rules are checked when the order is placed. */
        optionIds: OptionIdsSchema.optional(),
        /** For the kitchen ("no onions, please"). */
        note: KitchenNoteSchema.optional(),
      }),
    )
    .min(1, 'The order is empty')
    .max(MAX_ORDER_LINES)
    .transform(mergeOrderItems)
    .refine((items) => [...quantitiesByDish(items).values()].every((quantity) => quantity <= MAX_LINE_QUANTITY), {
      message: `At most ${MAX_LINE_QUANTITY} of one dish per order`,
    }),
  /** Sent again on retry; the first result is returned and nothing is charged twice. */
  idempotencyKey: TextSchema.trim().min(8).max(80),
  /** Till mode: a manager orders for an employee of their department. */
  userId: IdSchema.optional(),
  /** The day it is for (a pre-order); today when left out. */
  pickupDay: DaySchema.optional(),
  /** A pickup slot of that day; the earliest free one when left out (none: as soon as possible). */
  slotId: IdSchema.optional(),
});
export type PlaceOrderInput = z.infer<typeof PlaceOrderInputSchema>;

export const OrderLineDtoSchema = z.object({
  productId: IdSchema,
  productName: z.string(),
  quantity: z.number().int(),
  /** The dish's price with its options', per piece, as ordered. */
  unitPriceCents: z.number().int(),
  lineTotalCents: z.number().int(),
  /** The options chosen, named and priced as they were. */
  options: z.array(ChosenOptionSchema),
  /** The dish's allergens and its options', as they were. */
  allergens: z.array(AllergenSchema),
  note: z.string().nullable(),
});

export const OrderDtoSchema = z.object({
  id: IdSchema,
  status: OrderStatusSchema,
  totalCents: z.number().int(),
  userId: IdSchema,
  userName: z.string(),
  placedById: IdSchema,
  placedByName: z.string(),
  createdAt: IsoDateSchema,
  /** The day it is for, in the canteen's zone. */
  pickupDay: DaySchema,
  /** Its pickup slot (null: as soon as possible). */
  pickupSlot: z.object({ id: IdSchema, startsAt: TimeOfDaySchema }).nullable(),
  pickupAt: IsoDateSchema.nullable(),
  /** Whether its owner may still change the slot or cancel it (placed, before the pickup day's cut-off). */
  isChangeable: z.boolean(),
  /** When it last moved (placed, preparing, ready, collected, cancelled or refunded). */
  statusChangedAt: IsoDateSchema,
  readyAt: IsoDateSchema.nullable(),
  collectedAt: IsoDateSchema.nullable(),
  cancelledAt: IsoDateSchema.nullable(),
  /** Flagged at the end of the day it was not collected on: a manager's to resolve (refund, or hand over late). */
  uncollectedAt: IsoDateSchema.nullable(),
  refundedAt: IsoDateSchema.nullable(),
  /** Why it was refunded, when the manager said (shown on the receipt). */
  refundReason: z.string().nullable(),
  lines: z.array(OrderLineDtoSchema),
  /** What each payer paid (negative amounts), as written to the ledger. */
  breakdown: z.array(PayerAmountSchema),
});
export type OrderDto = z.infer<typeof OrderDtoSchema>;

export const OrderSummaryDtoSchema = OrderDtoSchema.omit({
  pickupSlot: true,
  isChangeable: true,
  lines: true,
  breakdown: true,
  refundReason: true,
  readyAt: true,
  collectedAt: true,
  cancelledAt: true,
}).extend({
  itemCount: z.number().int(),
});
export type OrderSummaryDto = z.infer<typeof OrderSummaryDtoSchema>;
export const OrderPageSchema = pageOf(OrderSummaryDtoSchema);
export const OrderListInputSchema = PageInputSchema.extend({
  status: OrderStatusSchema.optional(),
  from: DateInputSchema.optional(),
  to: DateInputSchema.optional(),
  userId: IdSchema.optional(),
  /** Only orders of this department's people, within the caller's reach (Reports' department filter). */
  departmentId: IdSchema.optional(),
  /** Only orders flagged as not collected at the end of their day. */
  uncollected: z.boolean().optional(),
  /** An order number ("#1A2B3C4D", or its end) or words of a dish on it (folded, inside words: ADR 0012). */
  search: TextSchema.trim().max(100).optional(),
});
export type OrderListInput = z.infer<typeof OrderListInputSchema>;
export const RefundOrderInputSchema = z.object({ orderId: IdSchema, reason: TextSchema.trim().max(MAX_NOTE_LENGTH).optional() });

/** The owner cancels while the kitchen has not started: the money goes back to each payer, the stock back on the menu. */
export const CancelOrderInputSchema = z.object({ orderId: IdSchema });

/** Moves one's own order to another slot of its day, until the cut-off. */
export const ChangeSlotInputSchema = z.object({ orderId: IdSchema, slotId: IdSchema });
export type ChangeSlotInput = z.infer<typeof ChangeSlotInputSchema>;
