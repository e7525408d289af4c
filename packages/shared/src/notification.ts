import { z } from 'zod';
import { IdSchema, IsoDateSchema, PageInputSchema, pageOf } from './common';

/**
 * What a person is told about (`notification.*`): in the app (the bell in the header, persisted) and, when SMTP is
 * configured and they want it, by email; `news_post` for a new post in a news channel they follow.
 */
export const NOTIFICATION_KINDS = [
  'order_ready',
  'order_cancelled',
  'order_refunded',
  'top_up_succeeded',
  'top_up_failed',
  'balance_low',
  'news_post',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);

/** What each kind carries, for the words and the link (never more than the person may see anyway). */
export const NotificationPayloadSchema = z.object({
  orderId: IdSchema.optional(),
  paymentId: IdSchema.optional(),
  amountCents: z.number().int().optional(),
  balanceCents: z.number().int().optional(),
  thresholdCents: z.number().int().optional(),
  reason: z.string().nullable().optional(),
  postId: IdSchema.optional(),
  blogName: z.string().optional(),
  postTitle: z.string().nullable().optional(),
});
export type NotificationPayload = z.infer<typeof NotificationPayloadSchema>;

export const NotificationDtoSchema = z.object({
  id: IdSchema,
  kind: NotificationKindSchema,
  payload: NotificationPayloadSchema,
  createdAt: IsoDateSchema,
  readAt: IsoDateSchema.nullable(),
});
export type NotificationDto = z.infer<typeof NotificationDtoSchema>;

export const NotificationListInputSchema = PageInputSchema.extend({ unreadOnly: z.boolean().optional() });
export const NotificationPageSchema = pageOf(NotificationDtoSchema).extend({ unreadCount: z.number().int() });

export const MarkNotificationsReadInputSchema = z.union([
  z.object({ ids: z.array(IdSchema).min(1).max(100) }),
  z.object({ all: z.literal(true) }),
]);

/** Most a low-balance threshold may be: EUR 1,000. */
export const MAX_LOW_BALANCE_CENTS = 100_000;

export const NotificationSettingsSchema = z.object({
  /** The kinds that also come by email (when the canteen has SMTP configured). */
  emailKinds: z.array(NotificationKindSchema),
  /** Tell me when my balance falls below this; null: never. */
  lowBalanceCents: z.number().int().min(1).max(MAX_LOW_BALANCE_CENTS).nullable(),
  /** Whether this canteen sends email at all (read only). */
  isEmailAvailable: z.boolean(),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

export const UpdateNotificationSettingsInputSchema = NotificationSettingsSchema.omit({ isEmailAvailable: true }).extend({
  emailKinds: z
    .array(NotificationKindSchema)
    .max(NOTIFICATION_KINDS.length)
    .transform((kinds) => [...new Set(kinds)]),
});

/** The link in every email: signed, for one person; opening it turns all email off without signing in. */
export const UnsubscribeInputSchema = z.object({ token: z.string().min(20).max(600) });

/** A spend that takes the balance from at or above the threshold to below it warns once (not on every lunch after). */
export const fallsBelow = (beforeCents: number, afterCents: number, thresholdCents: number | null): boolean =>
  thresholdCents !== null && beforeCents >= thresholdCents && afterCents < thresholdCents;
