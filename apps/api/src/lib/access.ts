import { type AccessRule, type DutyAction, type DutyParty, canAccess, dutyVerdict } from '@canteen/shared';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '@canteen/db';
import { AppError } from '../errors';

/** The rules themselves are in @canteen/shared (rules.ts), where the web app reads them to show what a role may do. */
export { ACCESS_RULES, type AccessRule, canAccess } from '@canteen/shared';

/** Services call this next to the query they guard; the procedure rule is only the first gate. */
export const requireRole = (user: User | null, rule: Exclude<AccessRule, 'public'>): User => {
  if (!user) throw new AppError('UNAUTHORIZED', 'Please sign in', { reason: 'SIGN_IN_REQUIRED' });
  if (!canAccess(user.role, rule)) throw new AppError('FORBIDDEN', 'You are not allowed to do that', { reason: 'ROLE_REQUIRED' });
  return user;
};

/**
 * Whose records a user reaches beyond their own (docs/PRODUCT.md §2): an employee nobody (`self`), a manager
 * their department, an admin every department (`all`). A manager outside any department reaches nothing.
 */
export type Scope = { kind: 'self'; userId: string } | { kind: 'department'; departmentId: string } | { kind: 'all' };

export const departmentScope = (user: User): Scope => {
  if (user.role === 'admin') return { kind: 'all' };
  if (user.role === 'employee' || user.role === 'kitchen') return { kind: 'self', userId: user.id };
  const departmentId = user.department?.id;
  if (!departmentId) throw new AppError('FORBIDDEN', 'You are not assigned to a department', { reason: 'NOT_IN_DEPARTMENT' });
  return { kind: 'department', departmentId };
};

/** A department (to list or credit its people, or a person's home) must be within the user's scope; `self` reaches none. */
export const assertDepartmentInScope = (user: User, departmentId: string | null | undefined): void => {
  const scope = departmentScope(user);
  const isInScope = scope.kind === 'all' || (scope.kind === 'department' && scope.departmentId === departmentId);
  if (!isInScope) throw new AppError('NOT_FOUND', 'Not found', { reason: 'NOT_FOUND' });
};

const party = (user: User): DutyParty => ({ id: user.id, role: user.role, departmentId: user.department?.id ?? null });

export const mayActOn = (actor: User, target: User, action: DutyAction): boolean =>
  dutyVerdict(party(actor), party(target), action) === 'allowed';

/**
 * The one server-side gate for acting on another person's wallet and orders (the rule itself is `dutyVerdict`
 * in @canteen/shared, which the web app uses to hide what it would refuse). Moving your own money is
 * SELF_SERVICE_FORBIDDEN; a person outside the actor's reach is NOT_FOUND, as any out-of-scope read is.
 */
export const assertCanActOn = (actor: User, target: User, action: DutyAction): void => {
  switch (dutyVerdict(party(actor), party(target), action)) {
    case 'allowed':
      return;
    case 'self':
      throw new AppError('FORBIDDEN', 'You cannot move money in or out of your own wallet: ask an admin', {
        reason: 'SELF_SERVICE_FORBIDDEN',
      });
    case 'out-of-scope':
      throw new AppError('NOT_FOUND', 'No such person', { reason: 'NOT_FOUND' });
  }
};

/** Loads a person (not erased) and checks the actor may act on them; unknown and out of reach look alike. */
export const findPersonToActOn = async (
  em: EntityManager,
  actor: User,
  { userId, action }: { userId: string; action: DutyAction },
): Promise<User> => {
  const target = await em.findOne(User, { id: userId, anonymizedAt: null });
  if (!target) throw new AppError('NOT_FOUND', 'No such person', { reason: 'NOT_FOUND' });
  assertCanActOn(actor, target, action);
  return target;
};
