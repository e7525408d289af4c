import { PasswordReset, Session, User, newId, setAuditActor } from '@canteen/db';
import type { ChangePasswordInput, LoginInput, LoginOutput, ResetPasswordInput } from '@canteen/shared';
import { AppError } from '../../errors';
import { assertStrongPassword, burnPasswordCheck, hashPassword, verifyPassword } from '../../lib/passwords';
import { hashToken, randomToken } from '../../lib/tokens';
import type { ContextInner } from '../../trpc/context';
import { recordAuditEvent } from '../audit/audit.service';
import { toSessionUser } from '../user/user.mapper';
import { matchTotp, newTotpSecret, totpEnrolment } from './totp';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

type Ctx = Pick<ContextInner, 'em' | 'client' | 'deps'>;
type AuthedCtx = Ctx & { user: User };

const invalidCredentials = () =>
  new AppError('UNAUTHORIZED', 'Email or password is incorrect', { reason: 'INVALID_CREDENTIALS' });
const accountLocked = (until: Date) =>
  new AppError('UNAUTHORIZED', `Too many failed attempts. The account is locked until ${until.toISOString()}.`, {
    reason: 'ACCOUNT_LOCKED',
  });

/** One atomic UPDATE, so concurrent wrong guesses cannot skip the lock. */
const registerFailedLogin = async (ctx: Ctx, user: User, why: string): Promise<AppError> => {
  const rows = await ctx.em.getConnection().execute<{ failed_login_count: number; locked_until: Date | null }[]>(
    `update app_user set
       failed_login_count = case when locked_until is not null and locked_until <= now() then 1 else failed_login_count + 1 end,
       locked_until = case
         when (case when locked_until is not null and locked_until <= now() then 1 else failed_login_count + 1 end) >= ?
           then now() + make_interval(mins => ?)
         when locked_until is not null and locked_until <= now() then null
         else locked_until end
     where id = ? returning failed_login_count, locked_until`,
    [MAX_FAILED_LOGINS, LOCKOUT_MINUTES, user.id],
  );
  const row = rows[0];
  const lockedUntil = row?.locked_until ? new Date(row.locked_until) : null;
  const isLocked = lockedUntil !== null && lockedUntil > new Date();
  await recordAuditEvent(ctx.em, {
    action: isLocked ? 'auth.account_locked' : 'auth.login_failed',
    entity: 'User',
    entityId: user.id,
    after: { reason: why, failedLoginCount: row?.failed_login_count ?? null, lockedUntil: lockedUntil?.toISOString() ?? null },
  });
  return isLocked && lockedUntil ? accountLocked(lockedUntil) : invalidCredentials();
};

const issueSession = async (ctx: Ctx, user: User, familyId: string = newId()) => {
  setAuditActor(user.id);
  const refreshToken = randomToken();
  const expiresAt = new Date(Date.now() + ctx.deps.refreshTtlDays * 86_400_000);
  ctx.em.create(Session, {
    user,
    familyId,
    tokenHash: hashToken(refreshToken),
    expiresAt,
    userAgent: ctx.client.userAgent?.slice(0, 400) ?? null,
    ip: ctx.client.ip,
  });
  await ctx.em.flush();
  ctx.client.writeRefreshToken(refreshToken, expiresAt);
  const access = await ctx.deps.tokens.sign(user.id);
  const mustEnrolTotp = await ctx.deps.settings.mustEnrolTotp(ctx.em, user);
  return { accessToken: access.token, expiresAt: access.expiresAt.toISOString(), user: toSessionUser(user, mustEnrolTotp) };
};

export const login = async (ctx: Ctx, input: LoginInput): Promise<LoginOutput> => {
  await ctx.deps.rateLimits.consume('login', ctx.client.ip ?? 'unknown');
  const user = await ctx.em.findOne(
    User,
    { email: input.email, anonymizedAt: null },
    { populate: ['passwordHash', 'totpSecret', 'department'] },
  );
  if (!user) {
    await burnPasswordCheck(input.password);
    await recordAuditEvent(ctx.em, {
      action: 'auth.login_failed',
      entity: 'User',
      after: { email: input.email, reason: 'unknown email' },
    });
    throw invalidCredentials();
  }
  setAuditActor(user.id);
  if (user.isLocked() && user.lockedUntil) {
    await recordAuditEvent(ctx.em, { action: 'auth.login_locked', entity: 'User', entityId: user.id });
    throw accountLocked(user.lockedUntil);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) throw await registerFailedLogin(ctx, user, 'wrong password');
  if (!user.isActive) {
    await recordAuditEvent(ctx.em, {
      action: 'auth.login_failed',
      entity: 'User',
      entityId: user.id,
      after: { reason: 'inactive' },
    });
    throw new AppError('FORBIDDEN', 'This account is deactivated. Ask an administrator.', { reason: 'ACCOUNT_INACTIVE' });
  }
  if (user.totpEnabledAt && user.totpSecret) {
    if (!input.totp)
      throw new AppError('UNAUTHORIZED', 'Enter the code from your authenticator app', { reason: 'TOTP_REQUIRED' });
    const step = matchTotp(user.totpSecret, input.totp);
    if (step === null || (user.totpLastStep !== null && user.totpLastStep !== undefined && step <= user.totpLastStep)) {
      await registerFailedLogin(ctx, user, 'wrong totp');
      throw new AppError('UNAUTHORIZED', 'That code is not valid. Try the next one.', { reason: 'TOTP_INVALID' });
    }
    user.totpLastStep = step;
  }
  user.failedLoginCount = 0;
  user.lockedUntil = null;
  user.lastLoginAt = new Date();
  return issueSession(ctx, user);
};

const assertOrigin = (ctx: Ctx): void => {
  if (!ctx.client.isOriginTrusted) {
    throw new AppError('FORBIDDEN', 'This request came from an untrusted origin', { reason: 'ORIGIN_REJECTED' });
  }
};

const revokeFamily = async (ctx: Ctx, familyId: string): Promise<number> =>
  ctx.em.nativeUpdate(Session, { familyId, revokedAt: null }, { revokedAt: new Date() });

/** Rotates the refresh token. Presenting a token that was already rotated revokes its whole family. */
export const refresh = async (ctx: Ctx): Promise<LoginOutput> => {
  assertOrigin(ctx);
  const presented = ctx.client.readRefreshToken();
  const invalid = new AppError('UNAUTHORIZED', 'Your session has ended. Please sign in again.', { reason: 'TOKEN_INVALID' });
  if (!presented) throw invalid;
  const session = await ctx.em.findOne(Session, { tokenHash: hashToken(presented) }, { populate: ['user', 'user.department'] });
  if (!session || session.revokedAt) {
    ctx.client.clearRefreshToken();
    throw invalid;
  }
  // Claim the token atomically: of two concurrent refreshes only one may rotate it.
  const claimed = await ctx.em.nativeUpdate(Session, { id: session.id, rotatedAt: null }, { rotatedAt: new Date() });
  setAuditActor(session.user.id);
  if (claimed === 0) {
    const revoked = await revokeFamily(ctx, session.familyId);
    await recordAuditEvent(ctx.em, {
      action: 'auth.refresh_reused',
      entity: 'Session',
      entityId: session.familyId,
      after: { revokedSessions: revoked },
    });
    ctx.client.clearRefreshToken();
    throw new AppError('UNAUTHORIZED', 'This sign-in was used elsewhere and has been ended for safety. Please sign in again.', {
      reason: 'REFRESH_REUSED',
    });
  }
  const user = session.user.getEntity();
  if (session.expiresAt <= new Date() || !user.isActive || user.anonymizedAt) {
    ctx.client.clearRefreshToken();
    throw new AppError('UNAUTHORIZED', 'Your session has expired. Please sign in again.', { reason: 'TOKEN_EXPIRED' });
  }
  return issueSession(ctx, user, session.familyId);
};

export const logout = async (ctx: Ctx): Promise<{ ok: true }> => {
  assertOrigin(ctx);
  const presented = ctx.client.readRefreshToken();
  ctx.client.clearRefreshToken();
  if (presented) {
    const session = await ctx.em.findOne(Session, { tokenHash: hashToken(presented) });
    if (session) setAuditActor(session.user.id);
    if (session) await revokeFamily(ctx, session.familyId);
    if (session) await recordAuditEvent(ctx.em, { action: 'auth.logout', entity: 'Session', entityId: session.familyId });
  }
  return { ok: true };
};

export const me = async (ctx: AuthedCtx) => {
  await ctx.em.populate(ctx.user, ['department']);
  return toSessionUser(ctx.user, await ctx.deps.settings.mustEnrolTotp(ctx.em, ctx.user));
};

/** Revokes every other login of the user; the family of the current refresh cookie survives. */
const revokeOtherSessions = async (ctx: Ctx, user: User): Promise<void> => {
  const presented = ctx.client.readRefreshToken();
  const current = presented ? await ctx.em.findOne(Session, { tokenHash: hashToken(presented), user }) : null;
  await ctx.em.nativeUpdate(
    Session,
    { user, revokedAt: null, ...(current ? { familyId: { $ne: current.familyId } } : {}) },
    { revokedAt: new Date() },
  );
};

export const changePassword = async (ctx: AuthedCtx, input: ChangePasswordInput): Promise<{ ok: true }> => {
  const user = await ctx.em.findOneOrFail(User, ctx.user.id, { populate: ['passwordHash'] });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('BAD_REQUEST', 'Your current password is not correct', { reason: 'INVALID_CREDENTIALS' });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError('BAD_REQUEST', 'Choose a password you have not used here', { reason: 'PASSWORD_REUSED' });
  }
  await assertStrongPassword(input.newPassword, [user.email, user.name]);
  user.passwordHash = await hashPassword(input.newPassword);
  user.passwordChangedAt = new Date();
  await ctx.em.flush();
  await revokeOtherSessions(ctx, user);
  return { ok: true };
};

export const beginTotpEnrolment = async (ctx: AuthedCtx) => {
  const user = await ctx.em.findOneOrFail(User, ctx.user.id, { populate: ['totpSecret'] });
  if (user.totpEnabledAt) throw new AppError('CONFLICT', 'Two-factor authentication is already on');
  user.totpSecret = newTotpSecret();
  await ctx.em.flush();
  return totpEnrolment(user.totpSecret, user.email);
};

export const confirmTotpEnrolment = async (ctx: AuthedCtx, code: string) => {
  const user = await ctx.em.findOneOrFail(User, ctx.user.id, { populate: ['totpSecret', 'department'] });
  if (user.totpEnabledAt) throw new AppError('CONFLICT', 'Two-factor authentication is already on');
  if (!user.totpSecret) throw new AppError('PRECONDITION_FAILED', 'Start the set-up first');
  const step = matchTotp(user.totpSecret, code);
  if (step === null) throw new AppError('BAD_REQUEST', 'That code is not valid. Try the next one.', { reason: 'TOTP_INVALID' });
  user.totpEnabledAt = new Date();
  user.totpLastStep = step;
  await ctx.em.flush();
  return toSessionUser(user, false);
};

export const disableTotp = async (ctx: AuthedCtx, password: string) => {
  const user = await ctx.em.findOneOrFail(User, ctx.user.id, { populate: ['passwordHash', 'totpSecret', 'department'] });
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AppError('BAD_REQUEST', 'Your password is not correct', { reason: 'INVALID_CREDENTIALS' });
  }
  user.totpEnabledAt = null;
  user.totpSecret = null;
  user.totpLastStep = null;
  await ctx.em.flush();
  return toSessionUser(user, await ctx.deps.settings.mustEnrolTotp(ctx.em, user));
};

export const RESET_LINK_HOURS = 24;

export const resetPassword = async (ctx: Ctx, input: ResetPasswordInput): Promise<{ ok: true }> => {
  await ctx.deps.rateLimits.consume('login', ctx.client.ip ?? 'unknown');
  const reset = await ctx.em.findOne(PasswordReset, { tokenHash: hashToken(input.token) }, { populate: ['user'] });
  if (!reset || reset.usedAt || reset.expiresAt <= new Date()) {
    throw new AppError('BAD_REQUEST', 'This reset link is invalid or has expired. Ask an administrator for a new one.', {
      reason: 'TOKEN_INVALID',
    });
  }
  const user = reset.user.getEntity();
  await assertStrongPassword(input.newPassword, [user.email, user.name]);
  user.passwordHash = await hashPassword(input.newPassword);
  user.passwordChangedAt = new Date();
  user.failedLoginCount = 0;
  user.lockedUntil = null;
  reset.usedAt = new Date();
  await ctx.em.flush();
  await ctx.em.nativeUpdate(Session, { user, revokedAt: null }, { revokedAt: new Date() });
  return { ok: true };
};

/** Used by the request context: a valid access token maps to an active user, or to nobody. */
export const userForAccessToken = async (ctx: Pick<ContextInner, 'em' | 'deps'>, token: string): Promise<User | null> => {
  const claims = await ctx.deps.tokens.verify(token);
  if (!claims) return null;
  // No join: scoping needs only the department id; auth.me loads the name itself.
  const user = await ctx.em.findOne(User, { id: claims.sub });
  if (!user || !user.isActive || user.anonymizedAt) return null;
  if (user.passwordChangedAt && claims.iat < Math.floor(user.passwordChangedAt.getTime() / 1000)) return null;
  return user;
};
