import { z } from 'zod';
import { IdSchema, IsoDateSchema, PageInputSchema, pageOf } from './common';
import { MAX_TOP_UP_CENTS, PAYMENT_PROVIDERS } from './constants';

/**
 * A card top-up's life: `pending` until the provider says how it ended. `succeeded` credits the wallet once;
 * `declined`, `failed` and `expired` credit nothing. A provider refund of a succeeded top-up takes back what is
 * left of that money (docs/PRODUCT.md §3); `refundedCents` says how much the provider refunded.
 */
export const PAYMENT_STATUSES = ['pending', 'succeeded', 'declined', 'failed', 'expired', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PaymentStatusSchema = z.enum(PAYMENT_STATUSES);
export const PaymentProviderSchema = z.enum(PAYMENT_PROVIDERS);

/** What a provider's webhook says happened, in our words. `refunded` carries the provider's refunded total. */
export type PaymentEvent =
  | { type: 'succeeded' }
  | { type: 'declined' }
  | { type: 'failed' }
  | { type: 'expired' }
  | { type: 'refunded'; refundedTotalCents: number };

export type PaymentState = { status: PaymentStatus; amountCents: number; refundedCents: number };

/** What the ledger must do for an accepted event: credit the top-up, or take back (part of) it. */
export type PaymentEffect = { kind: 'credit'; amountCents: number } | { kind: 'take_back'; amountCents: number };

export type PaymentTransition = { state: PaymentState; effects: PaymentEffect[] };

const isCaptured = (status: PaymentStatus): boolean => status === 'succeeded' || status === 'refunded';

/**
 * The one place that decides what a provider event does to a payment. Null means "ignore it": a duplicate, a
 * late `expired` after `succeeded`, a refund of nothing new. Events may arrive in any order:
 * - `succeeded` wins over `declined`/`failed`/`expired` (the money was taken, so it is credited), once;
 * - a refund that arrives before `succeeded` is remembered, and taken back when the credit lands;
 * - refunds are cumulative totals, so a repeated or older refund event changes nothing.
 */
export const applyPaymentEvent = (state: PaymentState, event: PaymentEvent): PaymentTransition | null => {
  if (event.type === 'succeeded') {
    if (isCaptured(state.status)) return null;
    const effects: PaymentEffect[] = [{ kind: 'credit', amountCents: state.amountCents }];
    if (state.refundedCents > 0) effects.push({ kind: 'take_back', amountCents: state.refundedCents });
    return { state: { ...state, status: state.refundedCents > 0 ? 'refunded' : 'succeeded' }, effects };
  }
  if (event.type !== 'refunded') {
    return state.status === 'pending' ? { state: { ...state, status: event.type }, effects: [] } : null;
  }
  const total = Math.min(Math.max(0, Math.trunc(event.refundedTotalCents)), state.amountCents);
  const delta = total - state.refundedCents;
  if (delta <= 0) return null;
  if (!isCaptured(state.status)) return { state: { ...state, refundedCents: total }, effects: [] };
  return { state: { ...state, status: 'refunded', refundedCents: total }, effects: [{ kind: 'take_back', amountCents: delta }] };
};

export const CreateTopUpInputSchema = z.object({ amountCents: z.number().int().min(1).max(MAX_TOP_UP_CENTS) });
export type CreateTopUpInput = z.infer<typeof CreateTopUpInputSchema>;
export const TopUpDtoSchema = z.object({ paymentId: IdSchema, checkoutUrl: z.string() });
export type TopUpDto = z.infer<typeof TopUpDtoSchema>;

/** What the top-up form needs: whether top-ups work here, the limits, and what is left of today's. */
export const TopUpOptionsSchema = z.object({
  isEnabled: z.boolean(),
  provider: PaymentProviderSchema.nullable(),
  minCents: z.number().int(),
  maxCents: z.number().int(),
  dailyLimitCents: z.number().int(),
  remainingTodayCents: z.number().int(),
  presetsCents: z.array(z.number().int()),
});
export type TopUpOptions = z.infer<typeof TopUpOptionsSchema>;

export const PaymentDtoSchema = z.object({
  id: IdSchema,
  userId: IdSchema,
  userName: z.string(),
  provider: PaymentProviderSchema,
  status: PaymentStatusSchema,
  amountCents: z.number().int(),
  refundedCents: z.number().int(),
  /** Refunded by the provider but already spent in the canteen: what could not be taken back. */
  refundShortfallCents: z.number().int(),
  failureReason: z.string().nullable(),
  createdAt: IsoDateSchema,
  expiresAt: IsoDateSchema,
  settledAt: IsoDateSchema.nullable(),
});
export type PaymentDto = z.infer<typeof PaymentDtoSchema>;
export const PaymentPageSchema = pageOf(PaymentDtoSchema);

export const PaymentListInputSchema = PageInputSchema.extend({
  userId: IdSchema.optional(),
  status: PaymentStatusSchema.optional(),
  /** Admins: only refunds that could not be fully taken back. */
  withShortfall: z.boolean().optional(),
});
export type PaymentListInput = z.infer<typeof PaymentListInputSchema>;

/** Admins: ask the provider to refund a top-up (all of what is not yet refunded, or `amountCents`). */
export const RefundPaymentInputSchema = z.object({
  paymentId: IdSchema,
  amountCents: z.number().int().min(1).max(MAX_TOP_UP_CENTS).optional(),
});
export type RefundPaymentInput = z.infer<typeof RefundPaymentInputSchema>;
