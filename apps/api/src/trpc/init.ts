import { initTRPC, TRPCError } from '@trpc/server';
import {
  CheckConstraintViolationException,
  DriverException,
  ForeignKeyConstraintViolationException,
  NotFoundError,
  NotNullConstraintViolationException,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { ZodError, z } from 'zod';
import { EntityNotFoundError, runWithAudit } from '@canteen/db';
import { AppError, serviceUnavailable, isDatabaseUnavailable } from '../errors';
import type { Context } from './context';
import { ACCESS_RULES, type AccessRule, canAccess } from '../lib/access';
import { procedureDuration, procedureErrors } from '../lib/metrics';
import { inSpan } from '../lib/tracing';

export type Meta = {
  /** Who may call the procedure; every procedure must declare one (the authz test enumerates them). */
  access?: AccessRule;
  /** Callable by staff who must still enrol in two-factor authentication. */
  allowDuringTotpEnrolment?: boolean;
};

/** Input issues by field, as the web shows them next to form fields (every procedure's input is an object). */
const flattenInputError = (error: ZodError): { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } =>
  z.flattenError(error);

/**
 * Subscriptions (`live.events`) are server-sent events. A comment every 10 s keeps proxies from closing a quiet
 * stream, and the client reconnects when it hears nothing for 25 s. A stream ends after 5 minutes: the client
 * reconnects at once with its current access token and the last event id, so authorization is checked again and
 * nothing is missed.
 */
export const SSE_OPTIONS = {
  ping: { enabled: true, intervalMs: 10_000 },
  client: { reconnectAfterInactivityMs: 25_000 },
  maxDurationMs: 5 * 60_000,
} as const;

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    sse: SSE_OPTIONS,
    errorFormatter({ shape, error, ctx }) {
      const cause = error.cause;
      // Stack traces go to the log, never to the client.
      const { stack: _stack, ...data } = shape.data;
      // An unexpected error is a bug: its message (maybe a database's, with names and values) stays in the log.
      const isInternal = error.code === 'INTERNAL_SERVER_ERROR';
      return {
        ...shape,
        message: isInternal ? 'Internal error' : shape.message,
        data: {
          ...data,
          reason: cause instanceof AppError ? cause.reason : null,
          details: cause instanceof AppError ? cause.details : null,
          zodError: cause instanceof ZodError ? flattenInputError(cause) : null,
          requestId: ctx?.client.requestId ?? null,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * What a database refusal means for the client, as a domain error. Constraints are the last line of defence
 * behind the services' own checks; their messages (constraint names, key values) never leave the server.
 */
/** How people call what `findOneOrFail` did not find. */
const ENTITY_NOUNS: Record<string, string> = {
  Blog: 'news channel',
  Category: 'category',
  Department: 'department',
  Order: 'order',
  Payer: 'payer',
  Post: 'post',
  Product: 'dish',
  Review: 'review',
  User: 'person',
};

const domainErrorOf = (cause: unknown): AppError | null => {
  if (cause instanceof AppError) return cause;
  if (cause instanceof EntityNotFoundError) {
    return new AppError('NOT_FOUND', `No such ${ENTITY_NOUNS[cause.entityName] ?? 'record'}`, { reason: 'NOT_FOUND' });
  }
  if (cause instanceof NotFoundError) return new AppError('NOT_FOUND', 'Not found', { reason: 'NOT_FOUND' });
  if (cause instanceof UniqueConstraintViolationException) {
    return new AppError('CONFLICT', 'That already exists', { reason: 'CONFLICT' });
  }
  // PostgreSQL 18 reports an ON DELETE RESTRICT key as restrict_violation (23001), which MikroORM 7.2 leaves unmapped.
  const isRestrictViolation = cause instanceof DriverException && cause.code === '23001';
  if (cause instanceof ForeignKeyConstraintViolationException || isRestrictViolation) {
    // PostgreSQL says "update or delete on table ..." when other rows still point at the one being removed, and
    // "insert or update on table ..." when the new row points at nothing.
    return cause.message.includes('update or delete on table')
      ? new AppError('CONFLICT', 'This is still in use and cannot be removed', { reason: 'IN_USE' })
      : new AppError('NOT_FOUND', 'Something this refers to does not exist', { reason: 'NOT_FOUND' });
  }
  if (cause instanceof CheckConstraintViolationException || cause instanceof NotNullConstraintViolationException) {
    return new AppError('BAD_REQUEST', 'That value is not allowed here', { reason: 'INVALID_INPUT' });
  }
  if (isDatabaseUnavailable(cause)) return serviceUnavailable(cause);
  return null;
};

/** Turns service errors into tRPC errors with the same code; ORM lookups and constraint violations too. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const domain = domainErrorOf(result.error.cause);
  if (domain) throw new TRPCError({ code: domain.code, message: domain.message, cause: domain });
  return result;
});

/** Every mutation runs inside an audit context so each row it changes is recorded with actor and request. */
const auditMutations = t.middleware(async ({ ctx, type, path, next }) => {
  if (type !== 'mutation') return next();
  // Whatever the outcome, this person's next reads go to the primary for a moment (lib/replica.ts): marked before
  // the change (a read racing it) and again once it committed (the moment counts from the commit).
  const mark = async () => {
    if (ctx.user) await ctx.deps.recentWrites?.mark(ctx.user.id).catch(() => undefined);
  };
  await mark();
  const result = await runWithAudit(
    {
      actorId: ctx.user?.id ?? null,
      action: path,
      requestId: ctx.client.requestId,
      ip: ctx.client.ip,
      userAgent: ctx.client.userAgent,
    },
    () => next(),
  );
  await mark();
  return result;
});

const denied = (code: 'UNAUTHORIZED' | 'FORBIDDEN', message: string) =>
  new TRPCError({
    code,
    message,
    cause: new AppError(code, message, { reason: code === 'UNAUTHORIZED' ? 'SIGN_IN_REQUIRED' : 'ROLE_REQUIRED' }),
  });

/** Deny by default: the declared rule is checked before the input is even parsed. */
const enforceAccess = t.middleware(async ({ ctx, meta, next }) => {
  const rule = meta?.access;
  if (!rule || !ACCESS_RULES.includes(rule)) throw denied('FORBIDDEN', 'This procedure declares no access rule');
  if (rule === 'public') return next();
  const { user } = ctx;
  if (!user) throw denied('UNAUTHORIZED', 'Please sign in');
  if (!canAccess(user.role, rule)) throw denied('FORBIDDEN', 'You are not allowed to do that');
  if (!meta.allowDuringTotpEnrolment && (await ctx.deps.settings.mustEnrolTotp(ctx.em, user))) {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: 'Set up two-factor authentication first',
      cause: new AppError('PRECONDITION_FAILED', 'Set up two-factor authentication first', { reason: 'TOTP_ENROLMENT_REQUIRED' }),
    });
  }
  return next({ ctx: { user } });
});

/**
 * Every mutation of a signed-in user spends one point of that user's budget, whichever address it comes from
 * and whether or not it is then allowed: a script with a valid token is stopped, people at a till never notice.
 */
const limitMutations = t.middleware(async ({ ctx, type, next }) => {
  if (type === 'mutation' && ctx.user) await ctx.deps.rateLimits.consume('mutation', ctx.user.id);
  return next();
});

/**
 * Every call's latency by procedure and outcome, and every failure by code and reason (lib/metrics.ts). Outermost,
 * so it sees the error as the client will. Only the router's own procedures get here: the label set is bounded.
 */
const measureProcedures = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const attributes = { 'rpc.system': 'trpc', 'rpc.method': path, 'canteen.request_id': ctx.client.requestId ?? '' };
  const result = await inSpan(`trpc ${path}`, { attributes }, async (span) => {
    const outcome = await next();
    if (!outcome.ok) span?.setAttributes({ 'rpc.trpc.error_code': outcome.error.code, 'error.type': outcome.error.code });
    return outcome;
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.ok) {
    procedureDuration.observe({ procedure: path, type, outcome: 'ok' }, seconds);
    return result;
  }
  const { code, cause } = result.error;
  const reason = cause instanceof AppError ? cause.reason : cause instanceof ZodError ? 'INVALID_INPUT' : 'none';
  procedureDuration.observe({ procedure: path, type, outcome: code }, seconds);
  procedureErrors.inc({ procedure: path, code, reason });
  return result;
});

const base = t.procedure.use(measureProcedures).use(mapDomainErrors).use(limitMutations).use(enforceAccess).use(auditMutations);

/** Anyone, signed in or not. */
export const publicProcedure = base.meta({ access: 'public' });
/** Anyone signed in, kitchen staff included (their own account: who they are, their password); narrows `ctx.user`. */
export const signedInProcedure = base.meta({ access: 'signedIn' }).use(({ ctx, next }) => {
  if (!ctx.user) throw denied('UNAUTHORIZED', 'Please sign in');
  return next({ ctx: { user: ctx.user } });
});
/** People with a wallet: employees, managers and admins. */
export const protectedProcedure = signedInProcedure.meta({ access: 'user' });
/** The kitchen display and the counter: kitchen staff, managers and admins. */
export const kitchenProcedure = signedInProcedure.meta({ access: 'kitchen' });
/** Managers and admins. */
export const managerProcedure = protectedProcedure.meta({ access: 'manager' });
/** Admins only. */
export const adminProcedure = protectedProcedure.meta({ access: 'admin' });
