import type { AppRouter } from '@canteen/api/trpc';
import type { ErrorReason } from '@canteen/shared';
import { type TRPCClientError, isTRPCClientError } from '@trpc/client';

/** A failed call to our API; `data` is typed from the router's error formatter (code, reason, zodError, requestId). */
export type ApiError = TRPCClientError<AppRouter>;

export const isApiError = (error: unknown): error is ApiError => isTRPCClientError<AppRouter>(error);

/** The server's answer to a failed call, or undefined when none came (offline, timed out, not an API call). */
export const errorData = (error: unknown): ApiError['data'] | undefined => (isApiError(error) ? error.data : undefined);

export type ReasonMessages = Partial<Record<ErrorReason, string>>;

const REASON_MESSAGES: Record<ErrorReason, string> = {
  SIGN_IN_REQUIRED: 'Your session has ended. Please sign in again.',
  ROLE_REQUIRED: "You don't have permission to do that.",
  INVALID_CREDENTIALS: "That email and password don't match. Check them and try again.",
  ACCOUNT_LOCKED: 'Too many failed attempts. Wait 15 minutes and try again.',
  TOTP_REQUIRED: 'Enter the 6-digit code from your authenticator app.',
  TOTP_INVALID: "That code didn't work. Wait for the next code in your app and try again.",
  TOTP_ENROLMENT_REQUIRED: 'Your organisation requires two-factor authentication. Set it up on your profile to continue.',
  TOTP_ALREADY_ENABLED: 'Two-factor authentication is already on for your account.',
  TOTP_NOT_STARTED: 'Start setting up two-factor authentication first, then enter a code from your app.',
  TOTP_NOT_ENABLED: 'Two-factor authentication is already off for your account.',
  ACCOUNT_INACTIVE: 'This account has been deactivated. Ask an administrator to reactivate it.',
  WEAK_PASSWORD: 'That password is too easy to guess. Try a longer passphrase of unrelated words.',
  PASSWORD_REUSED: 'Choose a new password that is different from your current one.',
  TOKEN_INVALID: 'This link is invalid or has already been used. Ask an administrator for a new one.',
  TOKEN_EXPIRED: 'This has expired. Please start again.',
  REFRESH_REUSED: 'For your safety you were signed out because this sign-in was used elsewhere. Please sign in again.',
  ORIGIN_REJECTED: 'This request did not come from Canteen itself. Reload the page and try again.',
  RATE_LIMITED: 'Too many attempts in a short time. Wait a minute and try again.',
  EMAIL_TAKEN: 'Someone already uses that email address.',
  EMPLOYEE_NUMBER_TAKEN: 'That employee number is already in use.',
  DEPARTMENT_TAKEN: 'A department with that name or code already exists.',
  DEPARTMENT_IN_USE: 'This department still has people in it. Move them to another department before deleting it.',
  DEPARTMENT_REQUIRED: 'Employees and managers belong to a department. Choose one.',
  NOT_IN_DEPARTMENT: 'You are not assigned to a department yet. Ask an administrator to add you to one.',
  SELF_LOCKOUT: "You can't remove your own admin access or deactivate your own account.",
  NOT_FOUND: "We couldn't find that. It may have been removed.",
  CONFLICT: 'That already exists.',
  INSUFFICIENT_FUNDS: 'There is not enough money in the wallet for this.',
  OUT_OF_STOCK: 'Not enough of a dish is left for this order.',
  PRODUCT_UNAVAILABLE: 'A dish in this order is no longer on the menu. Remove it and try again.',
  STOCK_NOT_TRACKED: "Stock isn't counted for this dish yet. Set a count first.",
  IDEMPOTENCY_MISMATCH: 'This checkout was already used for a different basket. Review your cart and place the order again.',
  SLUG_TAKEN: 'That name or web address is already in use. Choose another.',
  CATEGORY_IN_USE: 'This category still has dishes. Move them to another category first.',
  OUT_OF_SCOPE: 'That is outside your department: managers act only for their own people, from their budget or a promotion.',
  SELF_SERVICE_FORBIDDEN: 'Nobody moves money for themself: you cannot credit, charge or refund your own wallet. Ask an admin.',
  ADMIN_APPROVAL_REQUIRED:
    'That is more than a manager may credit one person in a day. Ask an admin to make this credit, or credit less.',
  PROFANITY: 'Please keep it friendly: your comment contains words we do not publish.',
  NOT_PURCHASED: 'You can review a dish once you have bought it.',
  ALREADY_REVIEWED: 'You have already reviewed this dish. Edit your review instead.',
  IN_USE: 'This is still in use elsewhere, so it cannot be removed.',
  ORDER_TOO_LARGE: 'This order is larger than one order may be. Split it or remove some dishes.',
  TOP_UPS_DISABLED: 'Card top-ups are not available here. Ask your canteen manager for a credit.',
  TOP_UP_OUT_OF_RANGE: 'Choose an amount within the top-up limits shown.',
  TOP_UP_DAILY_LIMIT: 'That would go over your daily top-up limit. Choose a smaller amount or try again tomorrow.',
  PAYMENT_PROVIDER_UNAVAILABLE: 'The payment provider cannot be reached right now. Nothing was charged; try again shortly.',
  PAYMENT_NOT_REFUNDABLE: 'Only a paid top-up with money left to refund can be refunded.',
  ALREADY_ERASED: "This person's data has already been erased.",
  CONFIRMATION_MISMATCH: "That is not this person's email. Type it exactly to confirm.",
  INVALID_INPUT: 'One of the values is not allowed here. Check the form and try again.',
  SERVICE_UNAVAILABLE: 'The canteen is briefly unavailable. Try again in a moment; trying the same thing again is safe.',
};

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

const CODE_MESSAGES: Record<string, string> = {
  UNAUTHORIZED: 'Your session has ended. Please sign in again.',
  FORBIDDEN: "You don't have permission to do that.",
  NOT_FOUND: "We couldn't find that. It may have been removed.",
  CONFLICT: 'That clashes with something that already exists.',
  TOO_MANY_REQUESTS: 'Too many requests in a short time. Wait a minute and try again.',
  PAYLOAD_TOO_LARGE: 'That is too large to send.',
  PRECONDITION_FAILED: 'Something needs to be done first. Reload the page and try again.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Please try again.',
  SERVICE_UNAVAILABLE: 'The canteen is briefly unavailable. Try again in a moment; trying the same thing again is safe.',
};

export const errorCode = (error: unknown): string | undefined => errorData(error)?.code;
export const errorReason = (error: unknown): ErrorReason | undefined => errorData(error)?.reason ?? undefined;

/** The request never got an answer (offline, timed out): the server may or may not have acted on it. */
export const isNetworkError = (error: unknown): boolean => isApiError(error) && !error.data?.code;

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
  if (!isApiError(error)) return 'Something went wrong. Please try again.';
  const { data } = error;
  if (!data?.code) return "Can't reach Canteen right now. Check your connection and try again.";
  const reason = data.reason ?? undefined;
  if (reason) {
    const override = overrides[reason];
    if (override) return override;
    if (SPECIFIC_SERVER_MESSAGE.has(reason) && error.message) return error.message;
    return REASON_MESSAGES[reason];
  }
  if (data.code === 'BAD_REQUEST') {
    if (data.zodError) {
      const first = Object.entries(data.zodError.fieldErrors).find(([, messages]) => messages?.length);
      return first ? `Check ${first[0]}: ${first[1]?.[0] ?? 'invalid value'}.` : 'Some of the details are not valid.';
    }
    // Every service refusal names a reason; this is a request tRPC itself refused (e.g. a body it could not parse).
    return error.message || 'Some of the details are not valid.';
  }
  return CODE_MESSAGES[data.code] ?? 'Something went wrong. Please try again.';
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
const isErrorReason = (reason: string): reason is ErrorReason => Object.hasOwn(REASON_MESSAGES, reason);

/** The same words for a refusal from plain HTTP beside tRPC (the CSV exports): its `reason` first, then its status. */
export const httpErrorMessage = (status: number, reason: string | undefined): string => {
  if (reason && isErrorReason(reason)) return REASON_MESSAGES[reason];
  if (status === 400) return 'Some of the details are not valid.';
  return CODE_MESSAGES[HTTP_STATUS_CODES[status] ?? ''] ?? 'Something went wrong. Please try again.';
};
