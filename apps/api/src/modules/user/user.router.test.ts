import { describe, expect, it } from 'vitest';
import { AuditEntry, Session, User } from '@canteen/db';
import {
  createClient,
  createTestCaller,
  createTestDeps,
  getTestOrm,
  makeCast,
  makeDepartment,
  makeUser,
  TEST_PASSWORD,
} from '../../../test/helpers';

const orm = await getTestOrm();

const newUser = (departmentId: string | null, overrides: Record<string, unknown> = {}) => ({
  email: 'new.person@example.test',
  name: 'New Person',
  employeeNumber: 'N-1001',
  role: 'employee' as const,
  departmentId,
  password: 'Granite-Meadow-Falcon-19',
  ...overrides,
});

describe('user.create', () => {
  it('creates a user with a hashed password and audits it without secrets', async () => {
    const { admin, department } = await makeCast(orm);
    const created = await (await createTestCaller({ user: admin })).user.create(
      newUser(department.id, { email: 'New.Person@Example.test' }),
    );
    expect(created).toMatchObject({
      email: 'new.person@example.test',
      departmentId: department.id,
      role: 'employee',
      isActive: true,
    });
    const stored = await orm.em.fork().findOneOrFail(User, created.id, { populate: ['passwordHash'] });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await orm.em.fork().findOneOrFail(AuditEntry, { action: 'user.create', entityId: created.id });
    expect(audit.actor?.id).toBe(admin.id);
    expect(audit.after).toMatchObject({ email: 'new.person@example.test', passwordHash: '[redacted]' });
  });

  it('rejects duplicates (case-insensitively), weak passwords and unknown departments, writing nothing', async () => {
    const { admin, department } = await makeCast(orm);
    const caller = await createTestCaller({ user: admin });
    await caller.user.create(newUser(department.id));
    const before = await orm.em.fork().count(AuditEntry);
    await expect(
      caller.user.create(newUser(department.id, { email: 'NEW.PERSON@example.test', employeeNumber: 'X-1' })),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { reason: 'EMAIL_TAKEN' },
    });
    await expect(caller.user.create(newUser(department.id, { email: 'other@example.test' }))).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { reason: 'EMPLOYEE_NUMBER_TAKEN' },
    });
    await expect(
      caller.user.create(newUser(department.id, { email: 'weak@example.test', employeeNumber: 'W-1', password: 'aaaaaaaaaaaa' })),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { reason: 'WEAK_PASSWORD' },
    });
    await expect(
      caller.user.create(newUser('0190f5c2-0000-7000-8000-000000000000', { email: 'x@example.test', employeeNumber: 'X-2' })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.user.create({ ...newUser(department.id), email: 'not-an-email' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await orm.em.fork().count(AuditEntry)).toBe(before);
    expect(await orm.em.fork().count(User, { email: { $like: '%example.test' }, employeeNumber: { $like: 'N-%' } })).toBe(1);
  });
});

describe('user.list', () => {
  it('searches, filters and pages with a cursor without repeating anyone', async () => {
    const { admin, department } = await makeCast(orm);
    for (let i = 0; i < 7; i++) await makeUser(orm, { department, name: `Paging Person ${i}` });
    const caller = await createTestCaller({ user: admin });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.user.list>> = await caller.user.list({
        limit: 3,
        cursor,
        search: 'paging person',
      });
      seen.push(...page.items.map((u) => u.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(7);
    const managers = await caller.user.list({ limit: 50, role: 'manager', departmentId: department.id });
    expect(managers.items.map((u) => u.role)).toEqual(['manager']);
    await expect(caller.user.list({ limit: 3, cursor: 'garbage' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.user.list({ limit: 500 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('finds people without accents and inside names; a typo only when nothing matches as typed', async () => {
    const { admin, department } = await makeCast(orm);
    for (const name of ['Jürgen Müller', 'Joanna Weiss', 'Anna Baumer']) await makeUser(orm, { department, name });
    const caller = await createTestCaller({ user: admin });
    const names = async (search: string) =>
      (await caller.user.list({ limit: 50, departmentId: department.id, search })).items.map((u) => u.name);
    expect(await names('muller')).toEqual(['Jürgen Müller']);
    expect(await names('MÜLLER jurg')).toEqual(['Jürgen Müller']);
    expect(await names('anna')).toEqual(['Anna Baumer', 'Joanna Weiss']);
    expect(await names('muler')).toEqual(['Jürgen Müller']);
    expect(await names('baummer')).toEqual(['Anna Baumer']);
    expect(await names('zzzz')).toEqual([]);
  });

  it('scopes a manager to their own department', async () => {
    const { manager, employee, department } = await makeCast(orm);
    const outsider = await makeUser(orm);
    const caller = await createTestCaller({ user: manager });
    const page = await caller.user.list({ limit: 100, departmentId: outsider.department!.id });
    expect(page.items.every((u) => u.departmentId === department.id)).toBe(true);
    expect(page.items.map((u) => u.id)).toContain(employee.id);
    expect((await caller.user.byId({ id: employee.id })).id).toBe(employee.id);
    await expect(caller.user.byId({ id: outsider.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('user.update', () => {
  it('changes role and department, unlocks, and deactivation ends every session', async () => {
    const { admin, employee } = await makeCast(orm);
    const other = await makeDepartment(orm);
    const client = createClient();
    const deps = createTestDeps();
    await (await createTestCaller({ client, deps })).auth.login({ email: employee.email, password: TEST_PASSWORD });
    await orm.em.fork().nativeUpdate(User, employee.id, { lockedUntil: new Date(Date.now() + 600_000), failedLoginCount: 5 });

    const caller = await createTestCaller({ user: admin });
    const locked = await caller.user.byId({ id: employee.id });
    expect(locked.isLocked).toBe(true);
    const updated = await caller.user.update({ id: employee.id, role: 'manager', departmentId: other.id, unlock: true });
    expect(updated).toMatchObject({ role: 'manager', departmentId: other.id, departmentName: other.name, isLocked: false });
    await caller.user.update({ id: employee.id, isActive: false });
    expect(await orm.em.fork().count(Session, { user: employee.id, revokedAt: null })).toBe(0);
    await expect((await createTestCaller({ client, deps })).auth.refresh()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('does not let an admin lock themself out', async () => {
    const admin = await makeUser(orm, { role: 'admin' });
    const caller = await createTestCaller({ user: admin });
    await expect(caller.user.update({ id: admin.id, role: 'employee' })).rejects.toMatchObject({
      cause: { reason: 'SELF_LOCKOUT' },
    });
    await expect(caller.user.update({ id: admin.id, isActive: false })).rejects.toMatchObject({
      cause: { reason: 'SELF_LOCKOUT' },
    });
  });

  it('records before and after in the audit log', async () => {
    const { admin, employee } = await makeCast(orm);
    await (await createTestCaller({ user: admin })).user.update({ id: employee.id, name: 'Renamed Person' });
    const entry = await orm.em.fork().findOneOrFail(AuditEntry, { action: 'user.update', entityId: employee.id });
    expect(entry.before).toMatchObject({ name: employee.name });
    expect(entry.after).toMatchObject({ name: 'Renamed Person' });
    const listed = await (await createTestCaller({ user: admin })).audit.list({
      limit: 10,
      entity: 'User',
      entityId: employee.id,
    });
    expect(listed.items[0]).toMatchObject({ action: 'user.update', actorId: admin.id });
  });
});
