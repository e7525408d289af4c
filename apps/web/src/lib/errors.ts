import type { AppRouter } from '@canteen/api/trpc';
import { type ErrorReason, type SlotAvailability, SlotAvailabilitySchema } from '@canteen/shared';
import { type TRPCClientError, isTRPCClientError } from '@trpc/client';
import { z } from 'zod';
import { errors as errorTexts } from '../locales/en/errors';
import { currentLanguage, i18next } from './i18n';

/** A failed call to our API; `data` is typed from the router's error formatter (code, reason, zodError, requestId). */
export type ApiError = TRPCClientError<AppRouter>;

export const isApiError = (error: unknown): error is ApiError => isTRPCClientError<AppRouter>(error);

/** The server's answer to a failed call, or undefined when none came (offline, timed out, not an API call). */
export const errorData = (error: unknown): ApiError['data'] | undefined => (isApiError(error) ? error.data : undefined);

export type ReasonMessages = Partial<Record<ErrorReason, string>>;

/** Every reason has its words (a reason missing from locales/en/errors.ts does not compile). */
const REASON_TEXTS: Record<ErrorReason, string> = errorTexts.reasons;

/** A reason in words, in the language shown. */
const reasonMessage = (reason: ErrorReason): string => i18next.t(`errors:reasons.${reason}`);

/**
 * Reasons whose server message carries a useful specific: the strength hint, the time to wait (a limit, a lock),
 * the dish that ran out ("Only 2 × Tiramisu left") or left the menu.
 */
const SPECIFIC_SERVER_MESSAGE = new Set<ErrorReason>([
  'WEAK_PASSWORD',
  'ACCOUNT_LOCKED',
  'RATE_LIMITED',
  'OUT_OF_STOCK',
  'PRODUCT_UNAVAILABLE',
  'ORDER_TOO_LARGE',
]);

type ErrorCodeWithText = keyof typeof errorTexts.codes;
const hasCodeText = (code: string): code is ErrorCodeWithText => Object.hasOwn(errorTexts.codes, code);

/** A tRPC code in words, in the language shown; anything else is "Something went wrong". */
const codeMessage = (code: string | undefined): string =>
  code && hasCodeText(code) ? i18next.t(`errors:codes.${code}`) : i18next.t('errors:generic');

export const errorCode = (error: unknown): string | undefined => errorData(error)?.code;
export const errorReason = (error: unknown): ErrorReason | undefined => errorData(error)?.reason ?? undefined;

/** The request never got an answer (offline, timed out): the server may or may not have acted on it. */
export const isNetworkError = (error: unknown): boolean => isApiError(error) && !error.data?.code;

const SlotSuggestionsSchema = z.object({ nextSlots: z.array(SlotAvailabilitySchema) });

/** The free pickup times the API offers instead of a full or unavailable one (`SLOT_FULL`, `SLOT_NOT_AVAILABLE`). */
export const suggestedSlots = (error: unknown): SlotAvailability[] => {
  const parsed = SlotSuggestionsSchema.safeParse(errorData(error)?.details);
  return parsed.success ? parsed.data.nextSlots : [];
};

/** Field messages from a BAD_REQUEST input error, keyed by input field. */
export const fieldErrors = (error: unknown): Record<string, string> => {
  const zodError = errorData(error)?.zodError;
  const out: Record<string, string> = {};
  for (const [field, messages] of Object.entries(zodError?.fieldErrors ?? {})) {
    if (messages?.[0]) out[field] = messages[0];
  }
  return out;
};

/**
 * The one place that turns an API failure into words for people: by domain reason first, then by tRPC code.
 * Raw server payloads (e.g. a Zod issue list) never reach the screen.
 */
export const errorMessage = (error: unknown, overrides: ReasonMessages = {}): string => {
  if (!isApiError(error)) return i18next.t('errors:generic');
  const { data } = error;
  if (!data?.code) return i18next.t('errors:network');
  const reason = data.reason ?? undefined;
  if (reason) {
    const override = overrides[reason];
    if (override) return override;
    // The server words its specifics in English: another language keeps to its own, more general words.
    if (SPECIFIC_SERVER_MESSAGE.has(reason) && error.message && currentLanguage() === 'en') return error.message;
    return reasonMessage(reason);
  }
  if (data.code === 'BAD_REQUEST') {
    if (data.zodError) {
      const first = Object.entries(data.zodError.fieldErrors).find(([, messages]) => messages?.length);
      return first
        ? i18next.t('errors:checkField', { field: first[0], message: first[1]?.[0] ?? i18next.t('errors:invalidValue') })
        : i18next.t('errors:invalidDetails');
    }
    // Every service refusal names a reason; this is a request tRPC itself refused (e.g. a body it could not parse).
    return error.message || i18next.t('errors:invalidDetails');
  }
  return codeMessage(data.code);
};

const HTTP_STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
};
const isErrorReason = (reason: string): reason is ErrorReason => Object.hasOwn(REASON_TEXTS, reason);

/** The same words for a refusal from plain HTTP beside tRPC (the CSV exports): its `reason` first, then its status. */
export const httpErrorMessage = (status: number, reason: string | undefined): string => {
  if (reason && isErrorReason(reason)) return reasonMessage(reason);
  if (status === 400) return i18next.t('errors:invalidDetails');
  return codeMessage(HTTP_STATUS_CODES[status]);
};
