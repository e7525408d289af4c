import { Department, PasswordReset, type SearchMode, User, searchCondition, searchWords } from '@canteen/db';
import type { CreateUserInput, UpdateUserInput, UserListInput } from '@canteen/shared';
import { type ObjectQuery, raw, ref } from '@mikro-orm/core';
import { CursorKeys, DEPARTMENT_REQUIRED_MESSAGE, hasRequiredDepartment } from '@canteen/shared';
import { AppError } from '../../errors';
import { type Scope, assertDepartmentInScope, departmentScope, requireRole } from '../../lib/access';
import { readConnection } from '../../lib/replica';
import { afterNameCursor, decodeCursor, encodeCursor } from '../../lib/cursor';
import { assertStrongPassword, hashPassword } from '../../lib/passwords';
import { hashToken, randomToken } from '../../lib/tokens';
import type { ContextInner } from '../../trpc/context';
import { RESET_LINK_HOURS, endAllSignIns } from '../auth/auth.service';
import { toUserDto } from './user.mapper';

type Ctx = Pick<ContextInner, 'em' | 'user' | 'readFrom'>;

const NameCursorSchema = CursorKeys.nameId;

/** The people a scope lists: themself, their department, or (admins) everyone or the department asked for. */
const usersInScope = (scope: Scope, departmentId: string | undefined): ObjectQuery<User> => {
  if (scope.kind === 'self') return { id: scope.userId };
  if (scope.kind === 'department') return { department: scope.departmentId };
  return departmentId ? { department: departmentId } : {};
};

/**
 * A search over name (folded: accents off), e-mail and employee number. Names are a list people read in order, so
 * a typo-tolerant match is the fallback: used only when nobody has the words inside their name, e-mail or number.
 */
const userSearchColumns = (alias: string) => ({ folded: `${alias}.name`, also: [`${alias}.email`, `${alias}.employee_number`] });
const searchUsers = (words: string[], mode: SearchMode): ObjectQuery<User> => {
  const columns = userSearchColumns;
  const { params } = searchCondition(words, mode, columns('u'));
  return { [raw((alias) => searchCondition(words, mode, columns(alias)).sql, params)]: [] };
};

/** Admins list everyone; managers only their own department. */
export const listUsers = async (ctx: Ctx, input: UserListInput) => {
  const actor = requireRole(ctx.user, 'manager');
  const scope = departmentScope(actor);
  const cursor = decodeCursor(input.cursor, NameCursorSchema);
  const where: ObjectQuery<User> = {
    // Erased people are left out unless an admin asks for them (to export what remains, say).
    ...(input.includeErased && scope.kind === 'all' ? {} : { anonymizedAt: null }),
    ...usersInScope(scope, input.departmentId),
    ...(input.role ? { role: input.role } : {}),
    ...(input.isActive === undefined ? {} : { isActive: input.isActive }),
  };
  const words = searchWords(input.search ?? '');
  let search: ObjectQuery<User>[] = [];
  if (words.length) {
    const inside = searchUsers(words, 'inside');
    const anyInside = await ctx.em.findOne(
      User,
      { ...where, $and: [inside] },
      { fields: ['id'], connectionType: readConnection(ctx) },
    );
    search = [anyInside ? searchUsers(words, 'inside') : searchUsers(words, 'inside_or_similar')];
  }
  const users = await ctx.em.find(
    User,
    { ...where, $and: [...search, ...(cursor ? [afterNameCursor(cursor)] : [])] },
    {
      orderBy: { name: 'asc', id: 'asc' },
      limit: input.limit + 1,
      populate: ['department'],
      connectionType: readConnection(ctx),
    },
  );
  const page = users.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((user) => toUserDto(user)),
    nextCursor: users.length > input.limit && last ? encodeCursor([last.name, last.id]) : null,
  };
};

const loadUser = (ctx: Ctx, id: string): Promise<User> =>
  ctx.em.findOneOrFail(User, { id, anonymizedAt: null }, { populate: ['department'] });

export const getUserById = async (ctx: Ctx, id: string) => {
  const actor = requireRole(ctx.user, 'manager');
  const user = await loadUser(ctx, id);
  assertDepartmentInScope(actor, user.department?.id);
  return toUserDto(user);
};

const assertUnique = async (ctx: Ctx, fields: { email?: string; employeeNumber?: string }, exceptId?: string) => {
  const not = exceptId ? { id: { $ne: exceptId } } : {};
  if (fields.email && (await ctx.em.count(User, { email: fields.email, ...not }))) {
    throw new AppError('CONFLICT', 'A user with that email already exists', { reason: 'EMAIL_TAKEN' });
  }
  if (fields.employeeNumber && (await ctx.em.count(User, { employeeNumber: fields.employeeNumber, ...not }))) {
    throw new AppError('CONFLICT', 'That employee number is taken', { reason: 'EMPLOYEE_NUMBER_TAKEN' });
  }
};

const findDepartment = async (ctx: Ctx, id: string | null): Promise<Department | null> =>
  id === null ? null : ctx.em.findOneOrFail(Department, id);

export const createUser = async (ctx: Ctx, input: CreateUserInput) => {
  requireRole(ctx.user, 'admin');
  await assertUnique(ctx, input);
  const department = await findDepartment(ctx, input.departmentId);
  if (!hasRequiredDepartment({ role: input.role, departmentId: department?.id ?? null })) {
    throw new AppError('BAD_REQUEST', DEPARTMENT_REQUIRED_MESSAGE, { reason: 'DEPARTMENT_REQUIRED' });
  }
  await assertStrongPassword(input.password, [input.email, input.name]);
  const user = ctx.em.create(User, {
    email: input.email,
    name: input.name,
    employeeNumber: input.employeeNumber,
    role: input.role,
    department,
    passwordHash: await hashPassword(input.password),
    passwordChangedAt: new Date(),
  });
  await ctx.em.flush();
  return toUserDto(user);
};

export const updateUser = async (ctx: Ctx, input: UpdateUserInput) => {
  const actor = requireRole(ctx.user, 'admin');
  const user = await loadUser(ctx, input.id);
  const isSelf = user.id === actor.id;
  if (isSelf && ((input.role && input.role !== 'admin') || input.isActive === false)) {
    throw new AppError('BAD_REQUEST', 'You cannot remove your own admin access', { reason: 'SELF_LOCKOUT' });
  }
  await assertUnique(ctx, { email: input.email, employeeNumber: input.employeeNumber }, user.id);
  if (input.departmentId !== undefined) {
    const department = await findDepartment(ctx, input.departmentId);
    user.department = department ? ref(department) : null;
  }
  const role = input.role ?? user.role;
  if (!hasRequiredDepartment({ role, departmentId: user.department?.id ?? null })) {
    throw new AppError('BAD_REQUEST', DEPARTMENT_REQUIRED_MESSAGE, { reason: 'DEPARTMENT_REQUIRED' });
  }
  ctx.em.assign(
    user,
    { email: input.email, name: input.name, employeeNumber: input.employeeNumber, role },
    { ignoreUndefined: true },
  );
  if (input.unlock) {
    user.failedLoginCount = 0;
    user.lockedUntil = null;
  }
  const isDeactivating = input.isActive === false && user.isActive;
  await ctx.em.transactional(async (em) => {
    if (isDeactivating) await endAllSignIns(em, user.id);
    if (input.isActive !== undefined) user.isActive = input.isActive;
  });
  await ctx.em.populate(user, ['department']);
  return toUserDto(user);
};

/** A one-time link the admin hands to the user; only its hash is stored. */
export const createResetLink = async (ctx: Ctx, id: string) => {
  const actor = requireRole(ctx.user, 'admin');
  const user = await loadUser(ctx, id);
  const token = randomToken();
  const expiresAt = new Date(Date.now() + RESET_LINK_HOURS * 3_600_000);
  await ctx.em.transactional(async (em) => {
    // A new link replaces the ones not used yet.
    await em.nativeUpdate(PasswordReset, { user, usedAt: null }, { usedAt: new Date() });
    em.create(PasswordReset, { user, tokenHash: hashToken(token), expiresAt, createdBy: actor });
  });
  return { token, path: `/reset-password?token=${token}`, expiresAt: expiresAt.toISOString() };
};
