import { z } from 'zod';
import { MAX_PAGE_SIZE } from './constants';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL can store: no NUL byte (text and jsonb refuse it) and no lone UTF-16 surrogate (not UTF-8). */
export const isStorableText = (value: string): boolean => !value.includes('\u0000') && !LONE_SURROGATE.test(value);

/** The base of every string input, and of every string decoded from a cursor. */
export const TextSchema = z.string().refine(isStorableText, 'Remove the invisible control or broken characters');

/** UUIDs in any letter case, normalised to lower case as PostgreSQL prints them. */
export const IdSchema = z.uuid().toLowerCase();

/** Opaque keyset cursor: base64url of the last row's sort key. */
export const CursorSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]*$/, 'Invalid cursor');

export const PageInputSchema = z.object({
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
  cursor: CursorSchema.nullish(),
});
export type PageInput = z.infer<typeof PageInputSchema>;

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Dates cross the wire as ISO-8601 strings (no transformer, docs/PRODUCT.md §8). */
export const IsoDateSchema = z.iso.datetime({ offset: true });

/** The range a date a client sends may take: wide for filters, narrow enough for PostgreSQL and for sense. */
export const DATE_INPUT_MIN = '2000-01-01T00:00:00Z';
export const DATE_INPUT_MAX = '2100-01-01T00:00:00Z';

/** A date from a client: a real calendar instant between 2000 and 2100. */
export const DateInputSchema = IsoDateSchema.refine((value) => {
  const at = Date.parse(value);
  return !Number.isNaN(at) && at >= Date.parse(DATE_INPUT_MIN) && at < Date.parse(DATE_INPUT_MAX);
}, 'Choose a date between 2000 and 2099');

/** Sort keys decoded from cursors, built from the same input schemas as everything else a client sends. */
export const CursorKeys = {
  id: z.tuple([IdSchema]),
  nameId: z.tuple([TextSchema.max(200), IdSchema]),
  numberId: z.tuple([z.number().int().min(-1e9).max(1e9), IdSchema]),
  dateId: z.tuple([DateInputSchema, IdSchema]),
  numberNameId: z.tuple([z.number().int().min(-1e9).max(1e9), TextSchema.max(200), IdSchema]),
} as const;

/** Stable domain reasons carried in `error.data.reason`; every AppError names one. */
export const ERROR_REASONS = [
  'SIGN_IN_REQUIRED',
  'ROLE_REQUIRED',
  'ACCOUNT_LOCKED',
  'INVALID_CREDENTIALS',
  'TOTP_REQUIRED',
  'TOTP_INVALID',
  'TOTP_ENROLMENT_REQUIRED',
  'TOTP_ALREADY_ENABLED',
  'TOTP_NOT_STARTED',
  'TOTP_NOT_ENABLED',
  'ACCOUNT_INACTIVE',
  'WEAK_PASSWORD',
  'PASSWORD_REUSED',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'REFRESH_REUSED',
  'ORIGIN_REJECTED',
  'RATE_LIMITED',
  /** The database cannot be reached for a moment (a restart, a failover): try again; a retry with the same key is safe. */
  'SERVICE_UNAVAILABLE',
  'EMAIL_TAKEN',
  'EMPLOYEE_NUMBER_TAKEN',
  'DEPARTMENT_TAKEN',
  'DEPARTMENT_IN_USE',
  'DEPARTMENT_REQUIRED',
  'NOT_IN_DEPARTMENT',
  'SELF_LOCKOUT',
  'NOT_FOUND',
  'CONFLICT',
  'INSUFFICIENT_FUNDS',
  'OUT_OF_STOCK',
  'PRODUCT_UNAVAILABLE',
  'STOCK_NOT_TRACKED',
  /** Another dish on the menu (active) has that name, whatever the letter case or accents. */
  'PRODUCT_NAME_TAKEN',
  'IDEMPOTENCY_MISMATCH',
  'SLUG_TAKEN',
  'CATEGORY_IN_USE',
  'OUT_OF_SCOPE',
  'SELF_SERVICE_FORBIDDEN',
  'ADMIN_APPROVAL_REQUIRED',
  'PROFANITY',
  'NOT_PURCHASED',
  'ALREADY_REVIEWED',
  'IN_USE',
  'ORDER_TOO_LARGE',
  'TOP_UPS_DISABLED',
  'TOP_UP_OUT_OF_RANGE',
  'TOP_UP_DAILY_LIMIT',
  'PAYMENT_PROVIDER_UNAVAILABLE',
  'PAYMENT_NOT_REFUNDABLE',
  'ALREADY_ERASED',
  'CONFIRMATION_MISMATCH',
  'INVALID_INPUT',
  /** The kitchen has started on the order (or it is closed): it can no longer be cancelled. */
  'ORDER_NOT_CANCELLABLE',
  /** The order moved since the caller looked (another screen was quicker). */
  'ORDER_STATUS_CHANGED',
  /** The order lifecycle does not allow that move from where the order is. */
  'INVALID_TRANSITION',
  /** Orders may be placed for today and the next days of the pre-order horizon only. */
  'PICKUP_DAY_NOT_ORDERABLE',
  /** The pickup slot has no room left (the next free slots come with the error). */
  'SLOT_FULL',
  /** No such slot that day, or it has started already. */
  'SLOT_NOT_AVAILABLE',
  /** A scheduled dish that is not on the published menu of the day asked for. */
  'PRODUCT_NOT_PLANNED',
  /** The pickup day's cut-off has passed: the order belongs to the kitchen now. */
  'PAST_CUTOFF',
  /** A planned quantity below what has been sold of it that day. */
  'PLAN_BELOW_SOLD',
  /** Only dishes served on planned days (scheduled) go on the menu plan. */
  'PRODUCT_NOT_SCHEDULED',
  /** An option that is not (or no longer) offered with that dish. */
  'OPTION_UNAVAILABLE',
  /** Too few or too many options of a group (a required side not chosen, more extras than allowed). */
  'OPTION_CHOICE_INVALID',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** `{ id }`: the input of every by-id query and of simple mutations. */
export const ByIdInputSchema = z.object({ id: IdSchema });

/** A display name: of a person, a department, a category or a channel. */
export const NameSchema = TextSchema.trim().min(1).max(120);

/** A URL slug: lower-case letters, digits and single dashes. */
export const SlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and dashes')
  .max(60);

/** What a mutation with nothing else to say answers. */
export const OkSchema = z.object({ ok: z.literal(true) });
