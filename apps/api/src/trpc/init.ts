import { initTRPC, TRPCError } from '@trpc/server';
import { UniqueConstraintViolationException, NotFoundError } from '@mikro-orm/core';
import { ZodError, z } from 'zod';
import { runWithAudit } from '@canteen/db';
import { AppError } from '../errors';
import type { Context } from './context';
import { ACCESS_RULES, type AccessRule, canAccess } from '../lib/access';

export type Meta = {
  /** Who may call the procedure; every procedure must declare one (the authz test enumerates them). */
  access?: AccessRule;
  /** Callable by staff who must still enrol in two-factor authentication. */
  allowDuringTotpEnrolment?: boolean;
};

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      // Stack traces go to the log, never to the client.
      const { stack: _stack, ...data } = shape.data;
      return {
        ...shape,
        data: {
          ...data,
          reason: cause instanceof AppError ? (cause.reason ?? null) : null,
          zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns service errors into tRPC errors with the same code; ORM lookups and unique violations too. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const { error } = result;
  const cause = error.cause;
  if (cause instanceof AppError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
  if (cause instanceof NotFoundError) {
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: 'Not found',
      cause: new AppError('NOT_FOUND', 'Not found', { reason: 'NOT_FOUND' }),
    });
  }
  if (cause instanceof UniqueConstraintViolationException) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'That already exists',
      cause: new AppError('CONFLICT', 'That already exists', { reason: 'CONFLICT' }),
    });
  }
  return result;
});

/** Every mutation runs inside an audit context so each row it changes is recorded with actor and request. */
const auditMutations = t.middleware(({ ctx, type, path, next }) => {
  if (type !== 'mutation') return next();
  return runWithAudit(
    {
      actorId: ctx.user?.id ?? null,
      action: path,
      requestId: ctx.client.requestId,
      ip: ctx.client.ip,
      userAgent: ctx.client.userAgent,
    },
    () => next(),
  );
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

const base = t.procedure.use(mapDomainErrors).use(enforceAccess).use(auditMutations);

/** Anyone, signed in or not. */
export const publicProcedure = base.meta({ access: 'public' });
/** Any signed-in user; narrows `ctx.user` to non-null. */
export const protectedProcedure = base.meta({ access: 'user' }).use(({ ctx, next }) => {
  if (!ctx.user) throw denied('UNAUTHORIZED', 'Please sign in');
  return next({ ctx: { user: ctx.user } });
});
/** Managers and admins. */
export const managerProcedure = protectedProcedure.meta({ access: 'manager' });
/** Admins only. */
export const adminProcedure = protectedProcedure.meta({ access: 'admin' });
