import { describe, expect, it } from 'vitest';
import { User, balanceByPayer, buildLot, lockWallet } from '@canteen/db';
import { assertDepartmentInScope, departmentScope } from '../src/lib/access';
import { fund, getTestOrm, makeCast, makeDepartment, makePayer, makeUser } from './helpers';

const orm = await getTestOrm();

const HIDDEN = expect.objectContaining({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });

describe('departmentScope says whom a user reaches', () => {
  it('gives an employee only themself, a manager their department and an admin everything', async () => {
    const { department, employee, manager } = await makeCast(orm);
    const localAdmin = await makeUser(orm, { role: 'admin', department });
    expect(departmentScope(employee)).toEqual({ kind: 'self', userId: employee.id });
    expect(departmentScope(manager)).toEqual({ kind: 'department', departmentId: department.id });
    expect(departmentScope(localAdmin)).toEqual({ kind: 'all' });
    const homeless = await makeUser(orm, { role: 'manager', department: null });
    expect(() => departmentScope(homeless)).toThrow(expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_IN_DEPARTMENT' }));
  });

  it('lets no employee act on a whole department, not even their own', async () => {
    const { department, employee, manager, admin } = await makeCast(orm);
    const elsewhere = await makeDepartment(orm);
    expect(() => assertDepartmentInScope(employee, department.id)).toThrow(HIDDEN);
    expect(() => assertDepartmentInScope(manager, department.id)).not.toThrow();
    expect(() => assertDepartmentInScope(manager, elsewhere.id)).toThrow(HIDDEN);
    expect(() => assertDepartmentInScope(admin, elsewhere.id)).not.toThrow();
  });
});

describe('the query layer runs in the transaction it is called in', () => {
  it('reads what its own transaction wrote and nothing another one has not committed', async () => {
    const user = await makeUser(orm);
    const payer = await makePayer(orm);
    await orm.em.fork().transactional(async (em) => {
      buildLot(em, { user: em.getReference(User, user.id), payer, amountCents: 700 });
      await em.flush();
      expect(await balanceByPayer(em, user.id)).toEqual([{ payerId: payer.id, payerName: payer.name, amountCents: 700 }]);
      expect(await balanceByPayer(orm.em.fork(), user.id)).toEqual([]);
    });
    expect(await balanceByPayer(orm.em.fork(), user.id)).toHaveLength(1);
  });

  it('refuses to take the wallet lock outside a transaction, and inside holds it until commit', async () => {
    const user = await makeUser(orm);
    await fund(orm, user, await makePayer(orm), 100);
    await expect(lockWallet(orm.em.fork(), user.id)).rejects.toThrow(/transaction/);

    const steps: string[] = [];
    let onFirstLocked: (() => void) | undefined;
    const firstLocked = new Promise<void>((resolve) => {
      onFirstLocked = resolve;
    });
    const first = orm.em.fork().transactional(async (em) => {
      await lockWallet(em, user.id);
      steps.push('first locked');
      onFirstLocked?.();
      await new Promise((resolve) => setTimeout(resolve, 150));
      steps.push('first commits');
    });
    await firstLocked;
    const second = orm.em.fork().transactional(async (em) => {
      await lockWallet(em, user.id);
      steps.push('second locked');
    });
    await Promise.all([first, second]);
    expect(steps).toEqual(['first locked', 'first commits', 'second locked']);
  });
});
