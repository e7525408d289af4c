import type { ErrorReason } from '@canteen/shared';

/** The closed set of codes a service may raise: each is also a tRPC code, so mapping is the identity. */
export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'TOO_MANY_REQUESTS';

/** A refusal a client can act on: `reason` is required, so every error the web receives has words of its own. */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: AppErrorCode;
  readonly reason: ErrorReason;

  constructor(code: AppErrorCode, message: string, options: { reason: ErrorReason; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.code = code;
    this.reason = options.reason;
  }
}
