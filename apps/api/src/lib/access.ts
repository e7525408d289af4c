import { type DutyAction, type DutyParty, type Role, dutyVerdict } from '@canteen/shared';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '@canteen/db';
import { AppError } from '../errors';

export const ACCESS_RULES = ['public', 'user', 'manager', 'admin'] as const;
export type AccessRule = (typeof ACCESS_RULES)[number];

const RANK: Record<Role, number> = { employee: 1, manager: 2, admin: 3 };
const REQUIRED: Record<Exclude<AccessRule, 'public'>, number> = { user: 1, manager: 2, admin: 3 };

export const canAccess = (role: Role, rule: AccessRule): boolean => rule === 'public' || RANK[role] >= REQUIRED[rule];

/** Services call this next to the query they guard; the procedure rule is only the first gate. */
export const requireRole = (user: User | null, rule: Exclude<AccessRule, 'public'>): User => {
  if (!user) throw new AppError('UNAUTHORIZED', 'Please sign in', { reason: 'SIGN_IN_REQUIRED' });
  if (!canAccess(user.role, rule)) throw new AppError('FORBIDDEN', 'You are not allowed to do that', { reason: 'ROLE_REQUIRED' });
  return user;
};

/**
 * Department scoping: admins see every department, managers only their own, employees nothing beyond
 * themselves. Returns the department id to filter by, or null for "all".
 */
export const departmentScope = (user: User): string | null => {
  if (user.role === 'admin') return null;
  const departmentId = user.department?.id;
  if (!departmentId) throw new AppError('FORBIDDEN', 'You are not assigned to a department');
  return departmentId;
};

export const assertInScope = (user: User, departmentId: string | null | undefined): void => {
  const scope = departmentScope(user);
  if (scope !== null && scope !== departmentId) throw new AppError('NOT_FOUND', 'Not found', { reason: 'NOT_FOUND' });
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
