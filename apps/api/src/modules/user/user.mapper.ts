import type { User } from '@canteen/db';
import type { SessionUser, UserDto } from '@canteen/shared';

const departmentOf = (user: User) => {
  const department = user.department;
  if (!department) return { departmentId: null, departmentName: null };
  return { departmentId: department.id, departmentName: department.isInitialized() ? department.getEntity().name : null };
};

export const toUserDto = (user: User, now = new Date()): UserDto => ({
  id: user.id,
  email: user.email,
  name: user.name,
  employeeNumber: user.employeeNumber,
  role: user.role,
  ...departmentOf(user),
  isActive: user.isActive,
  isLocked: user.isLocked(now),
  lockedUntil: user.isLocked(now) && user.lockedUntil ? user.lockedUntil.toISOString() : null,
  isTotpEnabled: Boolean(user.totpEnabledAt),
  lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  createdAt: user.createdAt.toISOString(),
  isErased: Boolean(user.anonymizedAt),
});

export const toSessionUser = (user: User, mustEnrolTotp: boolean): SessionUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  ...departmentOf(user),
  isTotpEnabled: Boolean(user.totpEnabledAt),
  mustEnrolTotp,
  language: user.language ?? null,
});
