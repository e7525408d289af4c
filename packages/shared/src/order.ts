import { z } from 'zod';
import { IdSchema, IsoDateSchema, PageInputSchema, pageOf } from './common';
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES } from './constants';
import { PayerAmountSchema } from './wallet';

export const ORDER_STATUSES = ['completed', 'refunded'] as const;
export const OrderStatusSchema = z.enum(ORDER_STATUSES);

export const PlaceOrderInputSchema = z.object({
  items: z
    .array(z.object({ productId: IdSchema, quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY) }))
    .min(1, 'The order is empty')
    .max(MAX_ORDER_LINES),
  /** Sent again on retry; the first result is returned and nothing is charged twice. */
  idempotencyKey: z.string().trim().min(8).max(80),
  /** Till mode: a manager orders for an employee of their department. */
  userId: IdSchema.optional(),
});
export type PlaceOrderInput = z.infer<typeof PlaceOrderInputSchema>;

export const OrderLineDtoSchema = z.object({
  productId: IdSchema,
  productName: z.string(),
  quantity: z.number().int(),
  unitPriceCents: z.number().int(),
  lineTotalCents: z.number().int(),
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
  refundedAt: IsoDateSchema.nullable(),
  lines: z.array(OrderLineDtoSchema),
  /** What each payer paid (negative amounts), as written to the ledger. */
  breakdown: z.array(PayerAmountSchema),
});
export type OrderDto = z.infer<typeof OrderDtoSchema>;

export const OrderSummaryDtoSchema = OrderDtoSchema.omit({ lines: true, breakdown: true }).extend({
  itemCount: z.number().int(),
});
export const OrderPageSchema = pageOf(OrderSummaryDtoSchema);
export const OrderListInputSchema = PageInputSchema.extend({
  status: OrderStatusSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  userId: IdSchema.optional(),
});
export type OrderListInput = z.infer<typeof OrderListInputSchema>;
export const RefundOrderInputSchema = z.object({ orderId: IdSchema, reason: z.string().trim().max(280).optional() });
