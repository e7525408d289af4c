import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common';
import { LanguageSchema, RoleSchema } from './auth';

/** `privacy.export`: a person's own data, or (admins) anyone's on request. */
export const PrivacyExportInputSchema = z.object({ userId: IdSchema.optional() });
/** `privacy.erase`: admins, on a person's request. `confirmEmail` must repeat the person's email. */
export const PrivacyEraseInputSchema = z.object({ userId: IdSchema, confirmEmail: z.string().max(254) });
export type PrivacyEraseInput = z.infer<typeof PrivacyEraseInputSchema>;

const JsonObjectSchema = z.record(z.string(), z.unknown());
const date = IsoDateSchema;
const maybeDate = IsoDateSchema.nullable();

/** Everything Canteen holds about one person, as one JSON document (docs/PRODUCT.md, privacy). */
export const PrivacyExportSchema = z.object({
  exportedAt: date,
  profile: z.object({
    id: IdSchema,
    email: z.string(),
    name: z.string(),
    employeeNumber: z.string(),
    role: RoleSchema,
    departmentName: z.string().nullable(),
    isActive: z.boolean(),
    isTotpEnabled: z.boolean(),
    /** The language their emails speak. */
    language: LanguageSchema.nullable(),
    createdAt: date,
    lastLoginAt: maybeDate,
    anonymizedAt: maybeDate,
  }),
  orders: z.array(
    z.object({
      id: IdSchema,
      status: z.string(),
      totalCents: z.number().int(),
      createdAt: date,
      refundedAt: maybeDate,
      refundReason: z.string().nullable(),
      lines: z.array(
        z.object({
          productName: z.string(),
          quantity: z.number().int(),
          unitPriceCents: z.number().int(),
          options: z.array(z.string()),
          note: z.string().nullable(),
        }),
      ),
    }),
  ),
  walletEntries: z.array(
    z.object({
      id: IdSchema,
      occurredAt: date,
      kind: z.string(),
      amountCents: z.number().int(),
      payerName: z.string(),
      orderId: IdSchema.nullable(),
      paymentId: IdSchema.nullable(),
      note: z.string().nullable(),
    }),
  ),
  notifications: z.array(
    z.object({
      id: IdSchema,
      kind: z.string(),
      payload: z.record(z.string(), z.unknown()),
      createdAt: date,
      readAt: maybeDate,
      emailedAt: maybeDate,
    }),
  ),
  favourites: z.array(z.object({ productName: z.string(), createdAt: date })),
  followedChannels: z.array(z.object({ channelName: z.string(), createdAt: date })),
  notificationSettings: z.object({ emailKinds: z.array(z.string()), lowBalanceCents: z.number().int().nullable() }).nullable(),
  payments: z.array(
    z.object({
      id: IdSchema,
      provider: z.string(),
      status: z.string(),
      amountCents: z.number().int(),
      refundedCents: z.number().int(),
      createdAt: date,
      settledAt: maybeDate,
    }),
  ),
  reviews: z.array(
    z.object({
      id: IdSchema,
      productName: z.string(),
      rating: z.number().int(),
      comment: z.string().nullable(),
      status: z.string(),
      createdAt: date,
    }),
  ),
  posts: z.array(
    z.object({ id: IdSchema, title: z.string().nullable(), status: z.string(), publishedAt: maybeDate, createdAt: date }),
  ),
  sessions: z.array(
    z.object({
      createdAt: date,
      expiresAt: date,
      rotatedAt: maybeDate,
      revokedAt: maybeDate,
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
    }),
  ),
  passwordResets: z.array(z.object({ createdAt: date, expiresAt: date, usedAt: maybeDate })),
  /** What they did (with the address and browser they did it from) and what others did about them (without). */
  auditEntries: z.array(
    z.object({
      at: date,
      action: z.string(),
      entity: z.string(),
      entityId: z.string().nullable(),
      byThem: z.boolean(),
      before: JsonObjectSchema.nullable(),
      after: JsonObjectSchema.nullable(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
    }),
  ),
});
export type PrivacyExport = z.infer<typeof PrivacyExportSchema>;

export const PrivacyEraseResultSchema = z.object({ userId: IdSchema, erasedAt: date });
