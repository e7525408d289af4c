import type { ErrorReason } from '@canteen/shared';

/** The closed set of codes a service may raise: each is also a tRPC code, so mapping is the identity. */
export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE';

/** A refusal a client can act on: `reason` is required, so every error the web receives has words of its own. */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: AppErrorCode;
  readonly reason: ErrorReason;
  /** What the client may offer instead (the next free pickup slots of a full one); sent as `data.details`. */
  readonly details: Record<string, unknown> | null;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { reason: ErrorReason; cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.reason = options.reason;
    this.details = options.details ?? null;
  }
}

/** SQLSTATEs and socket errors of a database that is down, restarting or unreachable (not of a bad statement). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|connection error|Client was closed/i;

/** Whether `error` (or one of its causes) says the database cannot be reached right now. */
export const isDatabaseUnavailable = (error: unknown, depth = 0): boolean => {
  if (!(error instanceof Error) || depth > 5) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  if (UNAVAILABLE_MESSAGES.test(error.message)) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(error.cause, depth + 1);
};

/**
 * What a request gets while the database (or the store of the rate limits) cannot be reached: a quick 503 it can
 * retry, never a hang or a 500. A change cut off at its commit may have gone through: a retry with the same
 * idempotency key is safe, so the message says to retry, not that nothing happened.
 */
export const serviceUnavailable = (cause?: unknown): AppError =>
  new AppError('SERVICE_UNAVAILABLE', 'The canteen is briefly unavailable. Try again in a moment.', {
    reason: 'SERVICE_UNAVAILABLE',
    cause,
  });
