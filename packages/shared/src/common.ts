import { z } from 'zod';

export const IdSchema = z.uuid();

export const PageInputSchema = z.object({
  limit: z.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).nullish(),
});
export type PageInput = z.infer<typeof PageInputSchema>;

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Dates cross the wire as ISO-8601 strings (no transformer, DESIGN.md §7). */
export const IsoDateSchema = z.iso.datetime({ offset: true });

/** Stable domain reasons carried in `error.data.reason`. */
export const ERROR_REASONS = [
  'SIGN_IN_REQUIRED',
  'ROLE_REQUIRED',
  'ACCOUNT_LOCKED',
  'INVALID_CREDENTIALS',
  'TOTP_REQUIRED',
  'TOTP_INVALID',
  'TOTP_ENROLMENT_REQUIRED',
  'ACCOUNT_INACTIVE',
  'WEAK_PASSWORD',
  'PASSWORD_REUSED',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'REFRESH_REUSED',
  'ORIGIN_REJECTED',
  'RATE_LIMITED',
  'EMAIL_TAKEN',
  'EMPLOYEE_NUMBER_TAKEN',
  'DEPARTMENT_TAKEN',
  'DEPARTMENT_IN_USE',
  'SELF_LOCKOUT',
  'NOT_FOUND',
  'CONFLICT',
  'INSUFFICIENT_FUNDS',
  'OUT_OF_STOCK',
  'PRODUCT_UNAVAILABLE',
  'ALREADY_REFUNDED',
  'IDEMPOTENCY_MISMATCH',
  'SLUG_TAKEN',
  'CATEGORY_IN_USE',
  'OUT_OF_SCOPE',
  'PROFANITY',
  'NOT_PURCHASED',
  'ALREADY_REVIEWED',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];
