import { PasswordReset, Session, User, countLoginFailure, newId, setAuditActor } from '@canteen/db';
import type {
  ChangePasswordInput,
  Language,
  LoginInput,
  LoginOutput,
  ResetPasswordInput,
  TotpDisableInput,
} from '@canteen/shared';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../errors';
import type { LoginAttempt } from '../../lib/login-guard';
import { domain } from '../../lib/metrics';
import { assertStrongPassword, burnPasswordCheck, hashPassword, verifyPassword } from '../../lib/passwords';
import { type AccessClaims, hashToken, randomToken } from '../../lib/tokens';
import type { ContextInner } from '../../trpc/context';
import { recordAuditEvent } from '../audit/audit.service';
import { toSessionUser } from '../user/user.mapper';
import { matchTotp, newTotpSecret, totpEnrolment } from './totp';

type Ctx = Pick<ContextInner, 'em' | 'client' | 'deps'>;
type AuthedCtx = Ctx & { user: User };
/** Sign-in answers UNAUTHORIZED; a signed-in user's password check answers FORBIDDEN (no refresh-and-retry). */
type LockedCode = 'UNAUTHORIZED' | 'FORBIDDEN';

const invalidCredentials = () =>
  new AppError('UNAUTHORIZED', 'Email or password is incorrect', { reason: 'INVALID_CREDENTIALS' });

const inWords = (ms: number): string => {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes <= 90) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
};

const accountLocked = (code: LockedCode, retryAfterMs: number) =>
  new AppError(code, `Too many failed attempts. Try again in ${inWords(retryAfterMs)}.`, { reason: 'ACCOUNT_LOCKED' });

const clientAddress = (ctx: Ctx): string => ctx.client.ip ?? 'unknown';

/** One attempt of (email, this address) from the login guard, or the refusal as an error; no password work yet. */
const beginAttempt = async (ctx: Ctx, email: string, lockedCode: LockedCode): Promise<LoginAttempt> => {
  const result = await ctx.deps.loginGuard.begin(email, clientAddress(ctx));
  if ('attempt' in result) return result.attempt;
  const { reason, retryAfterMs } = result.refusal;
  if (reason === 'ACCOUNT_LOCKED') throw accountLocked(lockedCode, retryAfterMs);
  throw new AppError('TOO_MANY_REQUESTS', `Too many failed sign-ins from your network. Try again in ${inWords(retryAfterMs)}.`, {
    reason: 'RATE_LIMITED',
  });
};

type Failure = {
  user: User | null;
  email: string;
  why: string;
  action: 'auth.login_failed' | 'auth.reauth_failed';
  lockedCode: LockedCode;
};

/**
 * Counts a wrong password or code on the login guard and, for a known account, on its row (one atomic UPDATE,
 * so concurrent guesses cannot skip the lock). Returns the lock error when this failure locked the address out
 * of the account, or the account everywhere; null when the caller should answer with its own error.
 */
const registerFailure = async (ctx: Ctx, attempt: LoginAttempt, failure: Failure) => {
  const outcome = await attempt.fail();
  domain.signInFailures.inc();
  const { policy } = ctx.deps.loginGuard;
  const account =
    failure.user && outcome.countsForAccount
      ? await countLoginFailure(ctx.em, failure.user.id, {
          lockAfter: policy.failuresPerAccount,
          lockMinutes: policy.accountLockMinutes,
        })
      : null;
  const isAccountLocked =
    account !== null && account.failedLoginCount >= policy.failuresPerAccount && account.lockedUntil !== null;
  await recordAuditEvent(ctx.em, {
    action: isAccountLocked ? 'auth.account_locked' : failure.action,
    entity: 'User',
    entityId: failure.user?.id ?? null,
    after: {
      reason: failure.why,
      ...(failure.user ? {} : { email: failure.email }),
      addressLocked: outcome.isPairLocked,
      failedLoginCount: account?.failedLoginCount ?? null,
      lockedUntil: isAccountLocked ? (account?.lockedUntil?.toISOString() ?? null) : null,
    },
  });
  if (isAccountLocked) domain.lockouts.inc({ scope: 'account' });
  else if (outcome.isPairLocked) domain.lockouts.inc({ scope: 'address_account' });
  if (outcome.isAddressBudgetSpent) {
    domain.lockouts.inc({ scope: 'address' });
    await recordAuditEvent(ctx.em, {
      action: 'auth.address_blocked',
      entity: 'ClientAddress',
      after: { ip: clientAddress(ctx), failuresPerDay: policy.failuresPerAddressPerDay },
    });
  }
  if (isAccountLocked && account?.lockedUntil) {
    return accountLocked(failure.lockedCode, account.lockedUntil.getTime() - Date.now());
  }
  if (outcome.isPairLocked) return accountLocked(failure.lockedCode, outcome.retryAfterMs);
  return null;
};

/** The TOTP step a code belongs to, or null when it is wrong or was already used (no replay). */
const acceptedTotpStep = (user: User, code: string): number | null => {
  if (!user.totpSecret) return null;
  const step = matchTotp(user.totpSecret, code);
  if (step === null || (user.totpLastStep !== null && user.totpLastStep !== undefined && step <= user.totpLastStep)) return null;
  return step;
};

type RefreshToken = { token: string; expiresAt: Date };

/** A new refresh token in `familyId`; it goes into the cookie only once its row has committed. */
const addSession = (ctx: Ctx, em: EntityManager, { user, familyId }: { user: User; familyId: string }): RefreshToken => {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + ctx.deps.refreshTtlDays * 86_400_000);
  em.create(Session, {
    user,
    familyId,
    tokenHash: hashToken(token),
    expiresAt,
    userAgent: ctx.client.userAgent?.slice(0, 400) ?? null,
    ip: ctx.client.ip,
  });
  return { token, expiresAt };
};

/** Hands a committed refresh token to the browser and signs an access token to go with it. */
const signedIn = async (ctx: Ctx, user: User, refreshToken: RefreshToken): Promise<LoginOutput> => {
  ctx.client.writeRefreshToken(refreshToken.token, refreshToken.expiresAt);
  const access = await ctx.deps.tokens.sign(user.id);
  const mustEnrolTotp = await ctx.deps.settings.mustEnrolTotp(ctx.em, user);
  return { accessToken: access.token, expiresAt: access.expiresAt.toISOString(), user: toSessionUser(user, mustEnrolTotp) };
};

/** Tokens issued before this instant are void: the last password change, or the last end of the other sign-ins. */
type TokenHolder = {
  isActive?: boolean | null | undefined;
  anonymizedAt?: Date | null | undefined;
  passwordChangedAt?: Date | null | undefined;
  sessionsRevokedAt?: Date | null | undefined;
};
const signInsVoidBefore = (user: TokenHolder): number =>
  Math.max(user.passwordChangedAt?.getTime() ?? 0, user.sessionsRevokedAt?.getTime() ?? 0);

/**
 * Sign-ins of one user change in one order: first that user's row, then their sessions. Refresh holds the row
 * shared while it rotates a token; whatever ends sign-ins holds it exclusively before it revokes. A refresh beside
 * a password change therefore either waits and is refused, or commits first and its new token is revoked with
 * the rest: neither misses the other, and the fixed order cannot deadlock. Call inside a transaction.
 */
const lockSignIns = (em: EntityManager, userId: string): Promise<void> =>
  em.lock(em.getReference(User, userId), LockMode.PESSIMISTIC_WRITE);

/** Ends every sign-in of the user, in the caller's transaction (deactivation, a reset password). */
export const endAllSignIns = async (em: EntityManager, userId: string): Promise<void> => {
  await lockSignIns(em, userId);
  await em.nativeUpdate(Session, { user: userId, revokedAt: null }, { revokedAt: new Date() });
};

export const login = async (ctx: Ctx, input: LoginInput): Promise<LoginOutput> => {
  // Only failures count: a successful sign-in uses up no budget, so an office behind one address can sign in at once.
  const attempt = await beginAttempt(ctx, input.email, 'UNAUTHORIZED');
  try {
    return await signIn(ctx, input, attempt);
  } finally {
    // Gives the reserved attempt back unless it was counted as a failure or a success.
    await attempt.release();
  }
};

const signIn = async (ctx: Ctx, input: LoginInput, attempt: LoginAttempt): Promise<LoginOutput> => {
  const lockedCode = 'UNAUTHORIZED';
  const user = await ctx.em.findOne(
    User,
    { email: input.email, anonymizedAt: null },
    { populate: ['passwordHash', 'totpSecret', 'department'] },
  );
  if (!user) {
    await burnPasswordCheck(input.password);
    // Counted like a wrong password, so an unknown email locks and answers exactly as a known one does.
    const failure = { user: null, email: input.email, why: 'unknown email', action: 'auth.login_failed', lockedCode } as const;
    throw (await registerFailure(ctx, attempt, failure)) ?? invalidCredentials();
  }
  setAuditActor(user.id);
  if (user.isLocked() && user.lockedUntil) {
    await recordAuditEvent(ctx.em, { action: 'auth.login_locked', entity: 'User', entityId: user.id });
    throw accountLocked(lockedCode, user.lockedUntil.getTime() - Date.now());
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failure = { user, email: user.email, why: 'wrong password', action: 'auth.login_failed', lockedCode } as const;
    throw (await registerFailure(ctx, attempt, failure)) ?? invalidCredentials();
  }
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
    const step = acceptedTotpStep(user, input.totp);
    if (step === null) {
      const failure = { user, email: user.email, why: 'wrong totp', action: 'auth.login_failed', lockedCode } as const;
      throw (
        (await registerFailure(ctx, attempt, failure)) ??
        new AppError('UNAUTHORIZED', 'That code is not valid. Try the next one.', { reason: 'TOTP_INVALID' })
      );
    }
    user.totpLastStep = step;
  }
  await attempt.succeed();
  user.failedLoginCount = 0;
  user.lockedUntil = null;
  user.lastLoginAt = new Date();
  const refreshToken = addSession(ctx, ctx.em, { user, familyId: newId() });
  await ctx.em.flush();
  return signedIn(ctx, user, refreshToken);
};

const assertOrigin = (ctx: Ctx): void => {
  if (!ctx.client.isOriginTrusted) {
    throw new AppError('FORBIDDEN', 'This request came from an untrusted origin', { reason: 'ORIGIN_REJECTED' });
  }
};

const revokeFamily = async (em: EntityManager, familyId: string): Promise<number> =>
  em.nativeUpdate(Session, { familyId, revokedAt: null }, { revokedAt: new Date() });

const sessionEnded = () =>
  new AppError('UNAUTHORIZED', 'Your session has ended. Please sign in again.', { reason: 'TOKEN_INVALID' });

/**
 * One transaction: the user's sign-ins locked (shared), the token checked against revocation and the user's last
 * password change, claimed, and its successor written. A refused token throws and writes nothing; a reused one
 * returns 'reused' so that revoking its family commits.
 */
const rotateSession = async (
  ctx: Ctx,
  em: EntityManager,
  { sessionId, userId }: { sessionId: string; userId: string },
): Promise<{ user: User; refreshToken: RefreshToken } | 'reused'> => {
  const user = await em.findOneOrFail(User, userId, { lockMode: LockMode.PESSIMISTIC_READ });
  const session = await em.findOneOrFail(Session, sessionId);
  if (session.revokedAt || session.createdAt.getTime() < signInsVoidBefore(user)) throw sessionEnded();
  // Claim the token atomically: of two concurrent refreshes only one may rotate it.
  const claimed = await em.nativeUpdate(Session, { id: session.id, rotatedAt: null }, { rotatedAt: new Date() });
  if (claimed === 0) {
    const revoked = await revokeFamily(em, session.familyId);
    await recordAuditEvent(em, {
      action: 'auth.refresh_reused',
      entity: 'Session',
      entityId: session.familyId,
      after: { revokedSessions: revoked },
    });
    return 'reused';
  }
  if (session.expiresAt <= new Date() || !user.isActive || user.anonymizedAt) {
    throw new AppError('UNAUTHORIZED', 'Your session has expired. Please sign in again.', { reason: 'TOKEN_EXPIRED' });
  }
  await em.populate(user, ['department']);
  const refreshToken = addSession(ctx, em, { user, familyId: session.familyId });
  await em.flush();
  return { user, refreshToken };
};

/** Rotates the refresh token. Presenting a token that was already rotated revokes its whole family. */
export const refresh = async (ctx: Ctx): Promise<LoginOutput> => {
  assertOrigin(ctx);
  const presented = ctx.client.readRefreshToken();
  if (!presented) throw sessionEnded();
  const found = await ctx.em.findOne(Session, { tokenHash: hashToken(presented) });
  try {
    if (!found || found.revokedAt) throw sessionEnded();
    setAuditActor(found.user.id);
    const ids = { sessionId: found.id, userId: found.user.id };
    const rotation = await ctx.em.transactional((em) => rotateSession(ctx, em, ids), { clear: true });
    if (rotation !== 'reused') return await signedIn(ctx, rotation.user, rotation.refreshToken);
    throw new AppError('UNAUTHORIZED', 'This sign-in was used elsewhere and has been ended for safety. Please sign in again.', {
      reason: 'REFRESH_REUSED',
    });
  } catch (error) {
    if (error instanceof AppError) ctx.client.clearRefreshToken();
    throw error;
  }
};

export const logout = async (ctx: Ctx): Promise<{ ok: true }> => {
  assertOrigin(ctx);
  const presented = ctx.client.readRefreshToken();
  ctx.client.clearRefreshToken();
  const session = presented ? await ctx.em.findOne(Session, { tokenHash: hashToken(presented) }) : null;
  if (session) {
    setAuditActor(session.user.id);
    await ctx.em.transactional(async (em) => {
      await lockSignIns(em, session.user.id);
      await revokeFamily(em, session.familyId);
      await recordAuditEvent(em, { action: 'auth.logout', entity: 'Session', entityId: session.familyId });
    });
  }
  return { ok: true };
};

export const me = async (ctx: AuthedCtx) => {
  await ctx.em.populate(ctx.user, ['department']);
  return toSessionUser(ctx.user, await ctx.deps.settings.mustEnrolTotp(ctx.em, ctx.user));
};

/** The app says which language it shows the person; their emails speak it from then on (an unchanged one writes nothing). */
export const setLanguage = async (ctx: AuthedCtx, language: Language) => {
  if (ctx.user.language !== language) {
    ctx.user.language = language;
    await ctx.em.flush();
  }
  return me(ctx);
};

/**
 * A signed-in user proves their password (and code) again before a sensitive change. Counted like a sign-in:
 * wrong answers count on the same (account, address) limits and can lock, so this is no free password oracle.
 */
const reauthenticate = async (
  ctx: AuthedCtx,
  user: User,
  proof: { password: string; code?: string; purpose: string; wrongPassword: string },
): Promise<void> => {
  const attempt = await beginAttempt(ctx, user.email, 'FORBIDDEN');
  try {
    if (user.isLocked() && user.lockedUntil) throw accountLocked('FORBIDDEN', user.lockedUntil.getTime() - Date.now());
    const failure = (why: string) =>
      ({
        user,
        email: user.email,
        why: `${why} (${proof.purpose})`,
        action: 'auth.reauth_failed',
        lockedCode: 'FORBIDDEN',
      }) as const;
    if (!(await verifyPassword(user.passwordHash, proof.password))) {
      throw (
        (await registerFailure(ctx, attempt, failure('wrong password'))) ??
        new AppError('BAD_REQUEST', proof.wrongPassword, { reason: 'INVALID_CREDENTIALS' })
      );
    }
    if (proof.code !== undefined) {
      const step = acceptedTotpStep(user, proof.code);
      if (step === null) {
        throw (
          (await registerFailure(ctx, attempt, failure('wrong totp'))) ??
          new AppError('BAD_REQUEST', 'That code is not valid. Try the next one.', { reason: 'TOTP_INVALID' })
        );
      }
      user.totpLastStep = step;
    }
    await attempt.succeed();
  } finally {
    await attempt.release();
  }
};

/**
 * Ends the user's other sign-ins after a change to how they sign in, which the caller has just stamped on the user
 * (a new `passwordChangedAt` or `sessionsRevokedAt`), all in the caller's transaction: the other refresh families
 * are revoked, and this device's token is replaced by one issued after the stamp, since refresh refuses older
 * ones. Access tokens issued before the stamp stop working; this device carries on through its refresh cookie.
 */
const endOtherSignIns = async (ctx: AuthedCtx, em: EntityManager, user: User): Promise<RefreshToken | null> => {
  await lockSignIns(em, user.id);
  const now = new Date();
  const presented = ctx.client.readRefreshToken();
  const current = presented
    ? await em.findOne(Session, { tokenHash: hashToken(presented), user, revokedAt: null, expiresAt: { $gt: now } })
    : null;
  await em.nativeUpdate(
    Session,
    { user, revokedAt: null, ...(current ? { familyId: { $ne: current.familyId } } : {}) },
    { revokedAt: now },
  );
  if (!current) return null;
  current.rotatedAt ??= now;
  return addSession(ctx, em, { user, familyId: current.familyId });
};

/** After the change has committed: this device's replacement refresh token, if it had one. */
const keepThisDevice = (ctx: AuthedCtx, kept: RefreshToken | null): void => {
  if (kept) ctx.client.writeRefreshToken(kept.token, kept.expiresAt);
};

export const changePassword = async (ctx: AuthedCtx, input: ChangePasswordInput): Promise<{ ok: true }> => {
  const user = await ctx.em.findOneOrFail(User, ctx.user.id, { populate: ['passwordHash'] });
  await reauthenticate(ctx, user, {
    password: input.currentPassword,
    purpose: 'change password',
    wrongPassword: 'Your current password is not correct',
  });
  if (input.currentPassword === input.newPassword) {
    throw new AppError('BAD_REQUEST', 'Choose a password you have not used here', { reason: 'PASSWORD_REUSED' });
  }
  await assertStrongPassword(input.newPassword, [user.email, user.name]);
  const passwordHash = await hashPassword(input.newPassword);
  const kept = await ctx.em.transactional(async (em) => {
    user.passwordHash = passwordHash;
    user.passwordChangedAt = new Date();
    return endOtherSignIns(ctx, em, user);
  });
  keepThisDevice(ctx, kept);
  return { ok: true };
};

const totpAlreadyOn = () =>
  new AppError('CONFLICT', 'Two-factor authentication is already on', { reason: 'TOTP_ALREADY_ENABLED' });

export const beginTotpEnrolment = async (ctx: AuthedCtx) => {
  const user = await ctx.em.findOneOrFail(User, ctx.user.id, { populate: ['totpSecret'] });
  if (user.totpEnabledAt) throw totpAlreadyOn();
  user.totpSecret = newTotpSecret();
  await ctx.em.flush();
  return totpEnrolment(user.totpSecret, user.email);
};

export const confirmTotpEnrolment = async (ctx: AuthedCtx, code: string) => {
  const user = await ctx.em.findOneOrFail(User, ctx.user.id, { populate: ['totpSecret', 'department'] });
  if (user.totpEnabledAt) throw totpAlreadyOn();
  if (!user.totpSecret) throw new AppError('PRECONDITION_FAILED', 'Start the set-up first', { reason: 'TOTP_NOT_STARTED' });
  const step = matchTotp(user.totpSecret, code);
  if (step === null) throw new AppError('BAD_REQUEST', 'That code is not valid. Try the next one.', { reason: 'TOTP_INVALID' });
  const kept = await ctx.em.transactional(async (em) => {
    user.totpEnabledAt = new Date();
    user.totpLastStep = step;
    user.sessionsRevokedAt = new Date();
    return endOtherSignIns(ctx, em, user);
  });
  keepThisDevice(ctx, kept);
  return toSessionUser(user, false);
};

export const disableTotp = async (ctx: AuthedCtx, input: TotpDisableInput) => {
  const user = await ctx.em.findOneOrFail(User, ctx.user.id, { populate: ['passwordHash', 'totpSecret', 'department'] });
  if (!user.totpEnabledAt || !user.totpSecret) {
    throw new AppError('PRECONDITION_FAILED', 'Two-factor authentication is already off', { reason: 'TOTP_NOT_ENABLED' });
  }
  await reauthenticate(ctx, user, {
    password: input.password,
    code: input.code,
    purpose: 'turn off two-factor authentication',
    wrongPassword: 'Your password is not correct',
  });
  const kept = await ctx.em.transactional(async (em) => {
    user.totpEnabledAt = null;
    user.totpSecret = null;
    user.totpLastStep = null;
    user.sessionsRevokedAt = new Date();
    return endOtherSignIns(ctx, em, user);
  });
  keepThisDevice(ctx, kept);
  return toSessionUser(user, await ctx.deps.settings.mustEnrolTotp(ctx.em, user));
};

export const RESET_LINK_HOURS = 24;

const invalidLink = () =>
  new AppError('BAD_REQUEST', 'This reset link is invalid or has expired. Ask an administrator for a new one.', {
    reason: 'TOKEN_INVALID',
  });

export const resetPassword = async (ctx: Ctx, input: ResetPasswordInput): Promise<{ ok: true }> => {
  await ctx.deps.rateLimits.consume('login', ctx.client.ip ?? 'unknown');
  const reset = await ctx.em.findOne(PasswordReset, { tokenHash: hashToken(input.token) }, { populate: ['user'] });
  if (!reset || reset.usedAt || reset.expiresAt <= new Date()) throw invalidLink();
  const user = reset.user.getEntity();
  await assertStrongPassword(input.newPassword, [user.email, user.name]);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.em.transactional(async (em) => {
    await endAllSignIns(em, user.id);
    // Two uses of one link at once: the second finds it used once it holds the user's lock.
    if ((await em.findOneOrFail(PasswordReset, reset.id, { refresh: true })).usedAt) throw invalidLink();
    user.passwordHash = passwordHash;
    user.passwordChangedAt = new Date();
    user.failedLoginCount = 0;
    user.lockedUntil = null;
    reset.usedAt = new Date();
  });
  return { ok: true };
};

/** Who may act with an access token issued at `iat`: an active, not erased person whose sign-ins were not voided since. */
export const mayUseAccessToken = (user: TokenHolder, claims: Pick<AccessClaims, 'iat'>): boolean =>
  Boolean(user.isActive) && !user.anonymizedAt && claims.iat >= Math.floor(signInsVoidBefore(user) / 1000);

const userForClaims = async (ctx: Pick<ContextInner, 'em' | 'deps'>, claims: AccessClaims | null): Promise<User | null> => {
  if (!claims) return null;
  // No join: scoping needs only the department id; auth.me loads the name itself. Cached for seconds (lib/user-cache).
  const user = await ctx.deps.users.load(ctx.em, claims.sub);
  return user && mayUseAccessToken(user, claims) ? user : null;
};

/** Used by the request context: a valid access token maps to an active user, or to nobody. */
export const userForAccessToken = async (ctx: Pick<ContextInner, 'em' | 'deps'>, token: string): Promise<User | null> =>
  userForClaims(ctx, await ctx.deps.tokens.verify(token));

/** The same for a live-event stream opened with a stream ticket (`live.ticket`); the context allows it nowhere else. */
export const userForStreamTicket = async (ctx: Pick<ContextInner, 'em' | 'deps'>, ticket: string): Promise<User | null> =>
  userForClaims(ctx, await ctx.deps.tokens.verifyTicket(ticket));
