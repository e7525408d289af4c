import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AuditEntry, Session, User } from '@canteen/db';
import { createTokenSigner } from '../../lib/tokens';
import {
  TEST_PASSWORD,
  TEST_SECRET,
  createClient,
  createTestCaller,
  createTestDeps,
  getTestOrm,
  makeUser,
} from '../../../test/helpers';
import { currentTotp } from './totp';

const orm = await getTestOrm();

const login = async (email: string, password = TEST_PASSWORD, extra: { totp?: string } = {}) => {
  const client = createClient();
  const deps = createTestDeps();
  const caller = await createTestCaller({ client, deps });
  const result = await caller.auth.login({ email, password, ...extra });
  return { result, client, deps };
};

describe('auth.login', () => {
  it('signs in, sets the refresh cookie and audits the sign-in', async () => {
    const user = await makeUser(orm);
    const { result, client } = await login(user.email.toUpperCase());
    expect(result.user).toMatchObject({ id: user.id, email: user.email, role: 'employee' });
    expect(result.accessToken.split('.')).toHaveLength(3);
    expect(client.jar.cookie).toBeTruthy();
    const entries = await orm.em.fork().find(AuditEntry, { action: 'auth.login', entity: 'Session' });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.after?.tokenHash).toBe('[redacted]');
    expect(entries[0]?.actor?.id).toBe(user.id);
  });

  it('rejects a wrong password and an unknown email with the same reason, and audits both', async () => {
    const user = await makeUser(orm);
    const caller = await createTestCaller();
    await expect(caller.auth.login({ email: user.email, password: 'wrong-password-123' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { reason: 'INVALID_CREDENTIALS' },
    });
    await expect(caller.auth.login({ email: 'nobody@example.test', password: 'wrong-password-123' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { reason: 'INVALID_CREDENTIALS' },
    });
    expect(await orm.em.fork().count(AuditEntry, { action: 'auth.login_failed' })).toBe(2);
  });

  it('locks the address out of the account after five wrong passwords, even against the right one', async () => {
    // The full rules (per address, everywhere, daily budgets) are in test/issue-7-login-protection.test.ts.
    const user = await makeUser(orm);
    const caller = await createTestCaller();
    for (let attempt = 1; attempt <= 4; attempt++) {
      await expect(caller.auth.login({ email: user.email, password: `wrong-${attempt}-password` })).rejects.toMatchObject({
        cause: { reason: 'INVALID_CREDENTIALS' },
      });
    }
    await expect(caller.auth.login({ email: user.email, password: 'wrong-5-password' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { reason: 'ACCOUNT_LOCKED' },
    });
    await expect(caller.auth.login({ email: user.email, password: TEST_PASSWORD })).rejects.toMatchObject({
      cause: { reason: 'ACCOUNT_LOCKED' },
    });
    expect((await orm.em.fork().findOneOrFail(User, user.id)).failedLoginCount).toBe(5);
  });

  it('refuses an account locked everywhere until the lock expires, then starts the count again', async () => {
    const user = await makeUser(orm);
    await orm.em.fork().nativeUpdate(User, user.id, { failedLoginCount: 50, lockedUntil: new Date(Date.now() + 60_000) });
    await expect(login(user.email)).rejects.toMatchObject({ code: 'UNAUTHORIZED', cause: { reason: 'ACCOUNT_LOCKED' } });
    await orm.em.fork().nativeUpdate(User, user.id, { lockedUntil: new Date(Date.now() - 1000) });
    const { result } = await login(user.email);
    expect(result.user.id).toBe(user.id);
    expect((await orm.em.fork().findOneOrFail(User, user.id)).failedLoginCount).toBe(0);
  });

  it('counts concurrent wrong guesses from many addresses exactly', async () => {
    const user = await makeUser(orm);
    const deps = createTestDeps();
    const callers = await Promise.all(Array.from({ length: 8 }, () => createTestCaller({ deps })));
    await Promise.allSettled(
      callers.map((caller, i) => caller.auth.login({ email: user.email, password: `nope-${i}-password` })),
    );
    const after = await orm.em.fork().findOneOrFail(User, user.id);
    expect(after.failedLoginCount).toBe(8);
    expect(after.lockedUntil).toBeNull();
  });

  it('refuses deactivated accounts', async () => {
    const user = await makeUser(orm, { isActive: false });
    await expect(login(user.email)).rejects.toMatchObject({ code: 'FORBIDDEN', cause: { reason: 'ACCOUNT_INACTIVE' } });
  });

  it('spends no rate-limit budget on successful sign-ins', async () => {
    const user = await makeUser(orm);
    const client = createClient();
    const deps = createTestDeps({ loginPerMinute: 3 });
    const caller = await createTestCaller({ client, deps });
    for (let i = 0; i < 10; i++) await caller.auth.login({ email: user.email, password: TEST_PASSWORD });
  });
});

describe('auth.refresh', () => {
  it('rotates the refresh token on every use', async () => {
    const user = await makeUser(orm);
    const { client, deps } = await login(user.email);
    const first = client.jar.cookie;
    const caller = await createTestCaller({ client, deps });
    const refreshed = await caller.auth.refresh();
    expect(refreshed.user.id).toBe(user.id);
    expect(client.jar.cookie).toBeTruthy();
    expect(client.jar.cookie).not.toBe(first);
    const again = await (await createTestCaller({ client, deps })).auth.refresh();
    expect(again.user.id).toBe(user.id);
    // A routine rotation is not a change worth auditing (the sign-in is): the log stays readable.
    expect(await orm.em.fork().count(AuditEntry, { action: 'auth.refresh' })).toBe(0);
    expect(await orm.em.fork().count(AuditEntry, { action: 'auth.login', actor: user.id })).toBeGreaterThan(0);
  });

  it('revokes the whole login family when a rotated token is presented again', async () => {
    const user = await makeUser(orm);
    const { client, deps } = await login(user.email);
    const stolen = client.jar.cookie!;
    await (await createTestCaller({ client, deps })).auth.refresh();
    const current = client.jar.cookie!;

    const attacker = createClient({ cookie: stolen });
    await expect((await createTestCaller({ client: attacker, deps })).auth.refresh()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { reason: 'REFRESH_REUSED' },
    });
    // The legitimate holder's newer token died with the family.
    const victim = createClient({ cookie: current });
    await expect((await createTestCaller({ client: victim, deps })).auth.refresh()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const sessions = await orm.em.fork().find(Session, { user: user.id });
    expect(sessions.every((s) => s.revokedAt)).toBe(true);
    expect(await orm.em.fork().count(AuditEntry, { action: 'auth.refresh_reused' })).toBe(1);
  });

  it('lets only one of two concurrent refreshes with the same token win', async () => {
    const user = await makeUser(orm);
    const { client, deps } = await login(user.email);
    const token = client.jar.cookie!;
    const results = await Promise.allSettled(
      [0, 1].map(async () => (await createTestCaller({ client: createClient({ cookie: token }), deps })).auth.refresh()),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('rejects a refresh from an untrusted origin or without a cookie', async () => {
    const user = await makeUser(orm);
    const { client, deps } = await login(user.email);
    const foreign = createClient({ cookie: client.jar.cookie, isOriginTrusted: false });
    await expect((await createTestCaller({ client: foreign, deps })).auth.refresh()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { reason: 'ORIGIN_REJECTED' },
    });
    await expect((await createTestCaller({ deps })).auth.refresh()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { reason: 'TOKEN_INVALID' },
    });
  });

  it('ends the login on logout', async () => {
    const user = await makeUser(orm);
    const { client, deps } = await login(user.email);
    const token = client.jar.cookie!;
    await (await createTestCaller({ client, deps })).auth.logout();
    expect(client.jar.cookie).toBeUndefined();
    await expect(
      (await createTestCaller({ client: createClient({ cookie: token }), deps })).auth.refresh(),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('access tokens', () => {
  it('accepts its own token and rejects tampered, foreign, expired and alg:none tokens', async () => {
    const user = await makeUser(orm);
    const { result, deps } = await login(user.email);
    const me = await (await createTestCaller({ deps, accessToken: result.accessToken })).auth.me();
    expect(me.id).toBe(user.id);

    const [header, payload, signature] = result.accessToken.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ sub: user.id, iss: 'canteen', aud: 'canteen-api', iat: 1, exp: 9_999_999_999 }),
    ).toString('base64url');
    const noneHeader = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const key = new TextEncoder().encode(TEST_SECRET);
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer('canteen')
      .setAudience('canteen-api')
      .setIssuedAt(now - 3600)
      .setExpirationTime(now - 60)
      .sign(key);
    const foreign = (await createTokenSigner('another-secret-that-is-long-enough-0123456789', 600).sign(user.id)).token;
    const bad = [
      `${header}.${forgedPayload}.${signature}`,
      `${header}.${payload}.${signature!.slice(0, -3)}abc`,
      `${noneHeader}.${forgedPayload}.`,
      expired,
      foreign,
      'not-a-jwt',
    ];
    for (const token of bad) {
      await expect((await createTestCaller({ deps, accessToken: token })).auth.me()).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
      });
    }
  });

  it('stops working for a deactivated user and after a password change', async () => {
    const user = await makeUser(orm);
    const { result, deps } = await login(user.email);
    await orm.em.fork().nativeUpdate(User, user.id, { passwordChangedAt: new Date(Date.now() + 2000) });
    await expect((await createTestCaller({ deps, accessToken: result.accessToken })).auth.me()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await orm.em.fork().nativeUpdate(User, user.id, { passwordChangedAt: null, isActive: false });
    await expect((await createTestCaller({ deps, accessToken: result.accessToken })).auth.me()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});

describe('passwords', () => {
  it('changes the password with a strength check and ends the other logins', async () => {
    const user = await makeUser(orm);
    const other = await login(user.email);
    const mine = await login(user.email);
    const caller = await createTestCaller({ user, client: mine.client, deps: mine.deps });
    await expect(
      caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'password1234' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { reason: 'WEAK_PASSWORD' },
    });
    await expect(
      caller.auth.changePassword({ currentPassword: 'not-my-password', newPassword: 'Quiet-Orbit-Lantern-71' }),
    ).rejects.toMatchObject({
      cause: { reason: 'INVALID_CREDENTIALS' },
    });
    await expect(caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'short' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'Quiet-Orbit-Lantern-71' });

    await expect((await createTestCaller({ client: other.client, deps: other.deps })).auth.refresh()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(login(user.email)).rejects.toMatchObject({ cause: { reason: 'INVALID_CREDENTIALS' } });
    expect((await login(user.email, 'Quiet-Orbit-Lantern-71')).result.user.id).toBe(user.id);
    const audit = await orm.em.fork().findOneOrFail(AuditEntry, { action: 'auth.changePassword', entity: 'User' });
    expect(audit.after).toMatchObject({ passwordHash: '[redacted]' });
  });

  it('resets a password through a one-time admin link', async () => {
    const admin = await makeUser(orm, { role: 'admin' });
    const user = await makeUser(orm);
    const link = await (await createTestCaller({ user: admin })).user.resetLink({ id: user.id });
    expect(link.path).toContain(link.token);
    const caller = await createTestCaller();
    await caller.auth.resetPassword({ token: link.token, newPassword: 'Velvet-Harbor-Compass-88' });
    await expect(caller.auth.resetPassword({ token: link.token, newPassword: 'Velvet-Harbor-Compass-99' })).rejects.toMatchObject(
      {
        code: 'BAD_REQUEST',
        cause: { reason: 'TOKEN_INVALID' },
      },
    );
    expect((await login(user.email, 'Velvet-Harbor-Compass-88')).result.user.id).toBe(user.id);
  });
});

describe('two-factor authentication', () => {
  it('enrols with a QR code, then requires a fresh code at every sign-in', async () => {
    const user = await makeUser(orm);
    const caller = await createTestCaller({ user });
    const enrolment = await caller.auth.totp.begin();
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    await expect(caller.auth.totp.confirm({ code: '000000' })).rejects.toMatchObject({ cause: { reason: 'TOTP_INVALID' } });
    const confirmed = await (await createTestCaller({ user })).auth.totp.confirm({ code: currentTotp(enrolment.secret) });
    expect(confirmed.isTotpEnabled).toBe(true);

    await expect(login(user.email)).rejects.toMatchObject({ code: 'UNAUTHORIZED', cause: { reason: 'TOTP_REQUIRED' } });
    // The code used to confirm cannot be replayed.
    await expect(login(user.email, TEST_PASSWORD, { totp: currentTotp(enrolment.secret) })).rejects.toMatchObject({
      cause: { reason: 'TOTP_INVALID' },
    });
    const next = currentTotp(enrolment.secret, Date.now() + 30_000);
    expect((await login(user.email, TEST_PASSWORD, { totp: next })).result.user.isTotpEnabled).toBe(true);
  });

  it('when required for staff, blocks a manager without 2FA from everything but enrolment', async () => {
    const admin = await makeUser(orm, { role: 'admin' });
    const manager = await makeUser(orm, { role: 'manager' });
    const deps = createTestDeps();
    await (await createTestCaller({ user: admin, deps })).settings.update({ requireTotpForStaff: true });
    const caller = await createTestCaller({ user: manager, deps });
    expect((await caller.auth.me()).mustEnrolTotp).toBe(true);
    await expect(caller.user.list({ limit: 5 })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      cause: { reason: 'TOTP_ENROLMENT_REQUIRED' },
    });
    const employee = await makeUser(orm, { role: 'employee' });
    expect((await (await createTestCaller({ user: employee, deps })).auth.me()).mustEnrolTotp).toBe(false);
  });
});
