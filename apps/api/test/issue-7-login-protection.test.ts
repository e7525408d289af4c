import { describe, expect, it } from 'vitest';
import { AuditEntry, Department, Session, User, buildUser, hashPassword, newId } from '@canteen/db';
import { createApp } from '../src/app';
import type { Deps } from '../src/deps';
import { currentTotp } from '../src/modules/auth/totp';
import {
  TEST_PASSWORD,
  createClient,
  createTestCaller,
  createTestDeps,
  getTestOrm,
  makeDepartment,
  makeUser,
  silentLogger,
} from './helpers';

// Issue 7, items 6, 8 and 9: only failures count towards sign-in limits; password checks of signed-in users
// count like sign-ins; turning 2FA on or off ends the other sign-ins.

const orm = await getTestOrm();

const WRONG = 'not-the-password-123';

/** One device: its own address and cookie jar, sharing the process-wide deps (and so the login guard). */
const device = (deps: Deps, ip: string) => {
  const client = createClient({ ip });
  return {
    client,
    login: async (email: string, password = TEST_PASSWORD, totp?: string) =>
      (await createTestCaller({ client, deps })).auth.login({ email, password, ...(totp ? { totp } : {}) }),
    as: async (user: User) => createTestCaller({ client, deps, user }),
    withToken: async (accessToken: string) => createTestCaller({ client, deps, accessToken }),
  };
};

const auditCount = (action: string, entityId?: string) =>
  orm.em.fork().count(AuditEntry, { action, ...(entityId ? { entityId } : {}) });

/** 200 employees of one department, all with the test password, in one flush. */
const makeEmployees = async (count: number): Promise<string[]> => {
  const department = await makeDepartment(orm);
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const em = orm.em.fork();
  const emails = Array.from({ length: count }, (_, i) => `lunch-${i}-${newId().slice(-8)}@example.test`);
  for (const email of emails) {
    buildUser(em, { email, department: em.getReference(Department, department.id), passwordHash, passwordChangedAt: null });
  }
  await em.flush();
  return emails;
};

describe('sign-in at the lunch rush (item 6)', () => {
  it('200 colleagues sign in at once from one office address over HTTP, and all succeed', { timeout: 240_000 }, async () => {
    const emails = await makeEmployees(200);
    // The production budget of the old per-address login bucket: sign-in must not spend it any more.
    const app = createApp({
      orm,
      logger: silentLogger,
      deps: createTestDeps({ loginPerMinute: 20 }),
      cookieSecure: true,
      trustProxy: true,
      trustedOrigins: [],
    });
    const responses = await Promise.all(
      emails.map(async (email) =>
        app.request('/trpc/auth.login', {
          method: 'POST',
          body: JSON.stringify({ email, password: TEST_PASSWORD }),
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7', origin: 'http://localhost' },
        }),
      ),
    );
    expect(responses.map((r) => r.status).filter((status) => status !== 200)).toEqual([]);
    expect(await orm.em.fork().count(Session, { ip: '203.0.113.7' })).toBe(200);
  });

  it('five wrong passwords lock that address out of that account for 15 minutes, even with the right password', async () => {
    const deps = createTestDeps();
    const user = await makeUser(orm);
    const colleague = await makeUser(orm);
    const office = device(deps, '198.51.100.10');
    for (let attempt = 1; attempt <= 4; attempt++) {
      await expect(office.login(user.email, WRONG)).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
        cause: { reason: 'INVALID_CREDENTIALS' },
      });
    }
    await expect(office.login(user.email, WRONG)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Too many failed attempts. Try again in 15 minutes.',
      cause: { reason: 'ACCOUNT_LOCKED' },
    });
    await expect(office.login(user.email)).rejects.toMatchObject({ cause: { reason: 'ACCOUNT_LOCKED' } });
    await expect(office.login(user.email.toUpperCase())).rejects.toMatchObject({ cause: { reason: 'ACCOUNT_LOCKED' } });
    // Refused before any password check: the refusals are not counted or audited as guesses.
    expect(await auditCount('auth.login_failed', user.id)).toBe(5);
    const row = await orm.em.fork().findOneOrFail(User, user.id);
    expect(row.failedLoginCount).toBe(5);
    expect(row.lockedUntil).toBeNull();

    // The lock is this address's only: a colleague at the same address, and the same person elsewhere, sign in.
    expect((await office.login(colleague.email)).user.id).toBe(colleague.id);
    expect((await device(deps, '192.0.2.44').login(user.email)).user.id).toBe(user.id);
    await expect(office.login(user.email)).rejects.toMatchObject({ cause: { reason: 'ACCOUNT_LOCKED' } });
  });

  it('starts counting again after a successful sign-in from that address', async () => {
    const deps = createTestDeps();
    const user = await makeUser(orm);
    const office = device(deps, '198.51.100.11');
    for (let i = 0; i < 4; i++) await expect(office.login(user.email, WRONG)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await office.login(user.email);
    expect((await orm.em.fork().findOneOrFail(User, user.id)).failedLoginCount).toBe(0);
    for (let i = 0; i < 4; i++) {
      await expect(office.login(user.email, WRONG)).rejects.toMatchObject({ cause: { reason: 'INVALID_CREDENTIALS' } });
    }
    expect((await office.login(user.email)).user.id).toBe(user.id);
  });

  it('counts concurrent wrong guesses from one address exactly: five are checked, the rest refused', async () => {
    const deps = createTestDeps();
    const user = await makeUser(orm);
    const office = device(deps, '198.51.100.12');
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => office.login(user.email, `${WRONG}-${i}`)));
    const reasons = results.map((r) =>
      r.status === 'rejected' ? (r.reason as { cause?: { reason?: string } }).cause?.reason : 'ok',
    );
    expect(reasons.filter((reason) => reason === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(7);
    expect(reasons.filter((reason) => reason !== 'ACCOUNT_LOCKED' && reason !== 'INVALID_CREDENTIALS')).toEqual([]);
    expect((await orm.em.fork().findOneOrFail(User, user.id)).failedLoginCount).toBe(5);
  });

  it('answers an unknown email exactly like a known one, lock included', async () => {
    const deps = createTestDeps();
    const office = device(deps, '198.51.100.13');
    for (let i = 0; i < 4; i++) {
      await expect(office.login('nobody@example.test', WRONG)).rejects.toMatchObject({
        cause: { reason: 'INVALID_CREDENTIALS' },
      });
    }
    await expect(office.login('nobody@example.test', WRONG)).rejects.toMatchObject({ cause: { reason: 'ACCOUNT_LOCKED' } });
  });

  it('locks the account everywhere after 50 failures from many addresses, and audits it', { timeout: 120_000 }, async () => {
    const deps = createTestDeps();
    const user = await makeUser(orm);
    const admin = await makeUser(orm, { role: 'admin' });
    // Ten addresses, five guesses each: every address locks itself out of the account on its fifth.
    await Promise.all(
      Array.from({ length: 10 }, async (_, a) => {
        const attacker = device(deps, `192.0.2.${100 + a}`);
        for (let i = 0; i < 5; i++) await attacker.login(user.email, WRONG).catch(() => undefined);
      }),
    );
    const row = await orm.em.fork().findOneOrFail(User, user.id);
    expect(row.failedLoginCount).toBe(50);
    expect(row.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(await auditCount('auth.account_locked', user.id)).toBe(1);

    // Everywhere, with the right password: a fresh address is refused before any password check.
    const home = device(deps, '203.0.113.200');
    await expect(home.login(user.email)).rejects.toMatchObject({ code: 'UNAUTHORIZED', cause: { reason: 'ACCOUNT_LOCKED' } });
    expect(await auditCount('auth.login_locked', user.id)).toBe(1);

    // An admin lifts the lock; the next sign-in works and starts the count from zero.
    await (await createTestCaller({ user: admin, deps })).user.update({ id: user.id, unlock: true });
    expect((await home.login(user.email)).user.id).toBe(user.id);
    expect((await orm.em.fork().findOneOrFail(User, user.id)).failedLoginCount).toBe(0);
  });

  it('gives each address a budget of 100 failures a day over all accounts, unknown emails included', {
    timeout: 120_000,
  }, async () => {
    const deps = createTestDeps();
    const user = await makeUser(orm);
    const sprayer = device(deps, '198.51.100.66');
    // Password spraying: four guesses for each of 25 names (no name gets locked), 100 failures in all.
    await Promise.all(
      Array.from({ length: 25 }, async (_, n) => {
        for (let i = 0; i < 4; i++) {
          await expect(sprayer.login(`staff${n}@example.test`, WRONG)).rejects.toMatchObject({
            cause: { reason: 'INVALID_CREDENTIALS' },
          });
        }
      }),
    );
    expect(await auditCount('auth.address_blocked')).toBe(1);
    // Spent: this address is refused before any password check, even with a right password.
    await expect(sprayer.login(user.email)).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      cause: { reason: 'RATE_LIMITED' },
    });
    expect((await device(deps, '198.51.100.67').login(user.email)).user.id).toBe(user.id);
  });
});

describe('password checks of a signed-in user count like sign-ins (item 8)', () => {
  it('locks the address after five wrong current passwords in changePassword', async () => {
    const deps = createTestDeps();
    const user = await makeUser(orm);
    const laptop = device(deps, '198.51.100.20');
    await laptop.login(user.email);
    const caller = await laptop.as(user);
    const change = (currentPassword: string) =>
      caller.auth.changePassword({ currentPassword, newPassword: 'Quiet-Orbit-Lantern-71' });
    for (let i = 0; i < 4; i++) {
      await expect(change(WRONG)).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { reason: 'INVALID_CREDENTIALS' } });
    }
    await expect(change(WRONG)).rejects.toMatchObject({ code: 'FORBIDDEN', cause: { reason: 'ACCOUNT_LOCKED' } });
    await expect(change(TEST_PASSWORD)).rejects.toMatchObject({ cause: { reason: 'ACCOUNT_LOCKED' } });
    await expect(laptop.login(user.email)).rejects.toMatchObject({ cause: { reason: 'ACCOUNT_LOCKED' } });
    expect(await auditCount('auth.reauth_failed', user.id)).toBe(5);
    expect((await orm.em.fork().findOneOrFail(User, user.id)).failedLoginCount).toBe(5);

    // From another address the right password still works.
    const phone = device(deps, '198.51.100.21');
    await phone.login(user.email);
    await (await phone.as(user)).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'Quiet-Orbit-Lantern-71' });
  });

  it('turning 2FA off takes the password and a current code; wrong answers count and lock', async () => {
    const deps = createTestDeps();
    const user = await makeUser(orm);
    const laptop = device(deps, '198.51.100.22');
    await laptop.login(user.email);
    const enrolment = await (await laptop.as(user)).auth.totp.begin();
    const confirmCode = currentTotp(enrolment.secret);
    await (await laptop.as(user)).auth.totp.confirm({ code: confirmCode });
    const nextCode = currentTotp(enrolment.secret, Date.now() + 30_000);
    const disable = async (input: { password: string; code?: string }) =>
      (await laptop.as(user)).auth.totp.disable(input as { password: string; code: string });

    await expect(disable({ password: TEST_PASSWORD })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(disable({ password: WRONG, code: nextCode })).rejects.toMatchObject({
      cause: { reason: 'INVALID_CREDENTIALS' },
    });
    await expect(disable({ password: TEST_PASSWORD, code: '000000' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { reason: 'TOTP_INVALID' },
    });
    // The code that turned 2FA on cannot be replayed.
    await expect(disable({ password: TEST_PASSWORD, code: confirmCode })).rejects.toMatchObject({
      cause: { reason: 'TOTP_INVALID' },
    });
    await expect(disable({ password: WRONG, code: nextCode })).rejects.toMatchObject({
      cause: { reason: 'INVALID_CREDENTIALS' },
    });
    await expect(disable({ password: WRONG, code: nextCode })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { reason: 'ACCOUNT_LOCKED' },
    });
    await expect(disable({ password: TEST_PASSWORD, code: nextCode })).rejects.toMatchObject({
      cause: { reason: 'ACCOUNT_LOCKED' },
    });
    expect((await orm.em.fork().findOneOrFail(User, user.id)).totpEnabledAt).not.toBeNull();

    // From another address (a signed-in phone) the right password and code still work.
    const phone = device(deps, '198.51.100.23');
    await expect((await phone.as(user)).auth.totp.disable({ password: TEST_PASSWORD, code: nextCode })).resolves.toMatchObject({
      isTotpEnabled: false,
    });
  });
});

/** Access tokens carry their issue time in whole seconds: start the next change in a fresh second. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1_005 - (Date.now() % 1_000)));

describe('turning 2FA on or off ends the other sign-ins (item 9)', () => {
  it('turning it on revokes the other devices, refresh and access token alike; this device carries on', async () => {
    const deps = createTestDeps();
    const user = await makeUser(orm);
    const stolen = device(deps, '198.51.100.30');
    const mine = device(deps, '198.51.100.31');
    const other = await stolen.login(user.email);
    await mine.login(user.email);
    await nextSecond();

    const enrolment = await (await mine.as(user)).auth.totp.begin();
    await (await mine.as(user)).auth.totp.confirm({ code: currentTotp(enrolment.secret) });

    await expect((await createTestCaller({ client: stolen.client, deps })).auth.refresh()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect((await stolen.withToken(other.accessToken)).auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const refreshed = await (await createTestCaller({ client: mine.client, deps })).auth.refresh();
    await expect((await mine.withToken(refreshed.accessToken)).auth.me()).resolves.toMatchObject({ isTotpEnabled: true });
  });

  it('turning it off revokes the other devices too', async () => {
    const deps = createTestDeps();
    const user = await makeUser(orm);
    const mine = device(deps, '198.51.100.32');
    await mine.login(user.email);
    const enrolment = await (await mine.as(user)).auth.totp.begin();
    // Three codes in a row (each accepted once): the previous step, the current one, the next one.
    await (await mine.as(user)).auth.totp.confirm({ code: currentTotp(enrolment.secret, Date.now() - 30_000) });
    const stolen = device(deps, '198.51.100.33');
    const other = await stolen.login(user.email, TEST_PASSWORD, currentTotp(enrolment.secret));
    await nextSecond();

    await (await mine.as(user)).auth.totp.disable({
      password: TEST_PASSWORD,
      code: currentTotp(enrolment.secret, Date.now() + 30_000),
    });

    await expect((await createTestCaller({ client: stolen.client, deps })).auth.refresh()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect((await stolen.withToken(other.accessToken)).auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const refreshed = await (await createTestCaller({ client: mine.client, deps })).auth.refresh();
    await expect((await mine.withToken(refreshed.accessToken)).auth.me()).resolves.toMatchObject({ isTotpEnabled: false });
    expect(await orm.em.fork().count(Session, { user: user.id, revokedAt: null })).toBeGreaterThan(0);
  });
});
