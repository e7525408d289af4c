import { describe, expect, it } from 'vitest';
import { AuditEntry, Department, User } from '@canteen/db';
import { createTestCaller, getTestOrm, makeCast, makeUser } from '../../../test/helpers';

const orm = await getTestOrm();

describe('departments', () => {
  it('creates, renames, lists with head counts and deletes an empty department', async () => {
    const { admin } = await makeCast(orm);
    const caller = await createTestCaller({ user: admin });
    const created = await caller.department.create({ name: 'Research', code: 'rnd' });
    expect(created).toMatchObject({ name: 'Research', code: 'RND', userCount: 0 });
    await makeUser(orm, { department: await orm.em.fork().findOneOrFail(Department, created.id) });
    const renamed = await caller.department.update({ id: created.id, name: 'Research & Development' });
    expect(renamed).toMatchObject({ name: 'Research & Development', userCount: 1 });
    const page = await caller.department.list({ limit: 50, search: 'research' });
    expect(page.items).toHaveLength(1);
    await expect(caller.department.delete({ id: created.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { reason: 'DEPARTMENT_IN_USE' },
    });
    const empty = await caller.department.create({ name: 'Temporary', code: 'TMP' });
    await caller.department.delete({ id: empty.id });
    expect(await orm.em.fork().count(Department, { id: empty.id })).toBe(0);
    expect(await orm.em.fork().count(AuditEntry, { action: 'department.delete', entityId: empty.id })).toBe(1);
  });

  it('deletes a department whose only people were erased (they leave it), and refuses one with someone in it', async () => {
    const { admin } = await makeCast(orm);
    const caller = await createTestCaller({ user: admin });
    const created = await caller.department.create({ name: `Gone ${Date.now()}`, code: `G${Date.now() % 100000}` });
    const department = await orm.em.fork().findOneOrFail(Department, created.id);
    const erased = await makeUser(orm, { department });
    const present = await makeUser(orm, { department });
    await orm.em.fork().nativeUpdate(User, erased.id, { anonymizedAt: new Date() });
    await expect(caller.department.delete({ id: created.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await caller.department.list({ limit: 100, search: created.name })).items[0]?.userCount).toBe(1);
    await orm.em.fork().nativeUpdate(User, present.id, { anonymizedAt: new Date() });
    expect((await caller.department.list({ limit: 100, search: created.name })).items[0]?.userCount).toBe(0);
    await caller.department.delete({ id: created.id });
    expect(await orm.em.fork().count(Department, { id: created.id })).toBe(0);
    expect((await orm.em.fork().findOneOrFail(User, erased.id, { populate: ['department'] })).department).toBeNull();
  });

  it('rejects a duplicate name or code and bad codes', async () => {
    const { admin, department } = await makeCast(orm);
    const caller = await createTestCaller({ user: admin });
    await expect(caller.department.create({ name: department.name, code: 'NEW1' })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { reason: 'DEPARTMENT_TAKEN' },
    });
    await expect(caller.department.create({ name: 'Fresh', code: department.code })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(caller.department.create({ name: 'Fresh', code: 'has spaces!' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.department.delete({ id: '0190f5c2-0000-7000-8000-000000000000' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('pages through departments in name order', async () => {
    const { admin } = await makeCast(orm);
    const caller = await createTestCaller({ user: admin });
    for (const name of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'])
      await caller.department.create({ name, code: name.slice(0, 3) });
    const first = await caller.department.list({ limit: 2 });
    const second = await caller.department.list({ limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((d) => d.name)).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta']);
  });
});
