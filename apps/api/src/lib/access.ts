import type { Role } from '@canteen/shared';
import type { User } from '@canteen/db';
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
