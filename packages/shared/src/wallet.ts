import { z } from 'zod';
import { DateInputSchema, IdSchema, IsoDateSchema, PageInputSchema, TextSchema, pageOf } from './common';
import { MAX_BULK_CREDIT_CENTS, MAX_CREDIT_CENTS, MAX_NOTE_LENGTH } from './constants';

export const ENTRY_KINDS = ['credit', 'adjustment', 'spend', 'refund', 'top_up'] as const;
export const EntryKindSchema = z.enum(ENTRY_KINDS);

/** A per-payer amount; negative when money was taken. */
export const PayerAmountSchema = z.object({ payerId: IdSchema, payerName: z.string(), amountCents: z.number().int() });
export type PayerAmount = z.infer<typeof PayerAmountSchema>;

/** `wallet.balance({ userId? })`; no input at all means the caller's own wallet. */
export const BalanceInputSchema = z.object({ userId: IdSchema.optional() }).default({});
export const BalanceDtoSchema = z.object({
  userId: IdSchema,
  totalCents: z.number().int(),
  byPayer: z.array(PayerAmountSchema),
});
export type BalanceDto = z.infer<typeof BalanceDtoSchema>;

export const WalletEntryDtoSchema = z.object({
  id: IdSchema,
  payerId: IdSchema,
  payerName: z.string(),
  amountCents: z.number().int(),
  kind: EntryKindSchema,
  occurredAt: IsoDateSchema,
  orderId: IdSchema.nullable(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
});
export type WalletEntryDto = z.infer<typeof WalletEntryDtoSchema>;
export const WalletEntryPageSchema = pageOf(WalletEntryDtoSchema);
export const WalletEntriesInputSchema = PageInputSchema.extend({
  userId: IdSchema.optional(),
  /** Only entries of these kinds (a person page's credits and refunds); every kind when left out. */
  kinds: z.array(EntryKindSchema).min(1).max(ENTRY_KINDS.length).optional(),
});
export type WalletEntriesInput = z.infer<typeof WalletEntriesInputSchema>;

/**
 * `wallet.history`: the wallet as a person reads it, one row per event: an order's spends from several payers are
 * one row (its parts say how much each paid), and so are its refunds; a credit or top-up is its own row.
 */
export const WalletHistoryInputSchema = PageInputSchema.extend({
  userId: IdSchema.optional(),
  kinds: z.array(EntryKindSchema).min(1).max(ENTRY_KINDS.length).optional(),
  /** From this instant (included) to that one (excluded), as `order.list` takes them. */
  from: DateInputSchema.optional(),
  to: DateInputSchema.optional(),
});
export type WalletHistoryInput = z.infer<typeof WalletHistoryInputSchema>;
export const WalletHistoryItemSchema = z.object({
  /** The order's id for an order's spends or refunds, else the entry's. */
  id: IdSchema,
  kind: EntryKindSchema,
  occurredAt: IsoDateSchema,
  orderId: IdSchema.nullable(),
  amountCents: z.number().int(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  parts: z.array(PayerAmountSchema),
});
export type WalletHistoryItem = z.infer<typeof WalletHistoryItemSchema>;
export const WalletHistoryPageSchema = pageOf(WalletHistoryItemSchema);

export const WalletTimelineInputSchema = z.object({
  userId: IdSchema.optional(),
  days: z.number().int().min(7).max(366).default(90),
});
export const WalletTimelineSchema = z.array(z.object({ date: z.string(), balanceCents: z.number().int() }));

const AmountSchema = z
  .number()
  .int('Amounts are whole cents')
  .min(-MAX_CREDIT_CENTS)
  .max(MAX_CREDIT_CENTS)
  .refine((n) => n !== 0, 'The amount cannot be zero');
const NoteSchema = TextSchema.trim().max(MAX_NOTE_LENGTH).optional();

/** How far a credit may be dated ahead of the server's clock (clock skew between a manager's device and us). */
export const CREDIT_CLOCK_SKEW_MS = 5 * 60_000;

/** When the money arrived: it decides which money is spent first, so never in the future and never before 2000. */
export const OccurredAtSchema = DateInputSchema.refine(
  (value) => Date.parse(value) <= Date.now() + CREDIT_CLOCK_SKEW_MS,
  'A credit cannot be dated in the future',
);

export const CreditInputSchema = z.object({
  userId: IdSchema,
  payerId: IdSchema,
  /** Positive credits money; negative cancels that payer's earlier credit (an adjustment). */
  amountCents: AmountSchema,
  occurredAt: OccurredAtSchema.optional(),
  note: NoteSchema,
});
export type CreditInput = z.infer<typeof CreditInputSchema>;

export const BulkCreditInputSchema = z.object({
  /** A department id, or null for the whole company. */
  departmentId: IdSchema.nullable(),
  payerId: IdSchema,
  amountCents: z.number().int().min(1).max(MAX_BULK_CREDIT_CENTS),
  occurredAt: OccurredAtSchema.optional(),
  note: NoteSchema,
});
export type BulkCreditInput = z.infer<typeof BulkCreditInputSchema>;
export const BulkCreditResultSchema = z.object({ userCount: z.number().int(), totalCents: z.number().int() });

export const ChargeInputSchema = z.object({
  userId: IdSchema,
  amountCents: z.number().int().min(1).max(1_000_000),
  note: NoteSchema,
});
export type ChargeInput = z.infer<typeof ChargeInputSchema>;
export const ChargeResultSchema = z.object({ totalCents: z.number().int(), breakdown: z.array(PayerAmountSchema) });
export const CreditResultSchema = z.object({ entryIds: z.array(IdSchema), balance: BalanceDtoSchema });
