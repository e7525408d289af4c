import { Department, User, searchCondition, searchWords } from '@canteen/db';
import { LockMode, raw } from '@mikro-orm/core';
import type { CreateDepartmentInput, DepartmentDto, PageInput, UpdateDepartmentInput } from '@canteen/shared';
import { CursorKeys } from '@canteen/shared';
import { AppError } from '../../errors';
import { requireRole } from '../../lib/access';
import { afterNameCursor, decodeCursor, encodeCursor } from '../../lib/cursor';
import type { ContextInner } from '../../trpc/context';

type Ctx = Pick<ContextInner, 'em' | 'user'>;

const toDepartmentDto = (department: Department, userCount: number): DepartmentDto => ({
  id: department.id,
  name: department.name,
  code: department.code,
  userCount,
  createdAt: department.createdAt.toISOString(),
});

/** People per department, erased people not counted. */
const countUsers = async (ctx: Ctx, ids: string[]): Promise<Map<string, number>> => {
  if (ids.length === 0) return new Map();
  const counts = await ctx.em.countBy(User, 'department', { where: { department: { $in: ids }, anonymizedAt: null } });
  return new Map(Object.entries(counts));
};

/** Folded like every search (accents off, inside words); a department's code may be typed as is. */
const columns = (alias: string) => ({ folded: `${alias}.name`, also: [`${alias}.code`] });

/** Every signed-in user may see the department names (forms and filters need them). */
export const listDepartments = async (ctx: Ctx, input: PageInput & { search?: string | undefined }) => {
  requireRole(ctx.user, 'user');
  const cursor = decodeCursor(input.cursor, CursorKeys.nameId);
  const words = searchWords(input.search ?? '');
  const condition = searchCondition(words, 'inside_or_similar', columns('d'));
  const departments = await ctx.em.find(
    Department,
    {
      $and: [
        ...(words.length
          ? [{ [raw((alias) => searchCondition(words, 'inside_or_similar', columns(alias)).sql, condition.params)]: [] }]
          : []),
        ...(cursor ? [afterNameCursor(cursor)] : []),
      ],
    },
    { orderBy: { name: 'asc', id: 'asc' }, limit: input.limit + 1 },
  );
  const page = departments.slice(0, input.limit);
  const counts = await countUsers(
    ctx,
    page.map((d) => d.id),
  );
  const last = page.at(-1);
  return {
    items: page.map((d) => toDepartmentDto(d, counts.get(d.id) ?? 0)),
    nextCursor: departments.length > input.limit && last ? encodeCursor([last.name, last.id]) : null,
  };
};

const assertFree = async (ctx: Ctx, fields: { name?: string | undefined; code?: string | undefined }, exceptId?: string) => {
  const clash = await ctx.em.findOne(Department, {
    $or: [...(fields.name ? [{ name: fields.name }] : []), ...(fields.code ? [{ code: fields.code }] : [])],
    ...(exceptId ? { id: { $ne: exceptId } } : {}),
  });
  if (clash) throw new AppError('CONFLICT', 'A department with that name or code exists', { reason: 'DEPARTMENT_TAKEN' });
};

export const createDepartment = async (ctx: Ctx, input: CreateDepartmentInput) => {
  requireRole(ctx.user, 'admin');
  await assertFree(ctx, input);
  const department = ctx.em.create(Department, input);
  await ctx.em.flush();
  return toDepartmentDto(department, 0);
};

const loadDepartment = (ctx: Ctx, id: string): Promise<Department> => ctx.em.findOneOrFail(Department, id);

export const updateDepartment = async (ctx: Ctx, input: UpdateDepartmentInput) => {
  requireRole(ctx.user, 'admin');
  const department = await loadDepartment(ctx, input.id);
  if (input.name || input.code) await assertFree(ctx, input, department.id);
  const { id: _id, ...fields } = input;
  ctx.em.assign(department, fields, { ignoreUndefined: true });
  await ctx.em.flush();
  const counts = await countUsers(ctx, [department.id]);
  return toDepartmentDto(department, counts.get(department.id) ?? 0);
};

/**
 * A department goes once nobody is left in it. Erased people do not count (the list does not show them): they
 * leave it with it, since their orders keep the department they were placed under for the reports.
 */
export const deleteDepartment = async (ctx: Ctx, id: string) => {
  requireRole(ctx.user, 'admin');
  await ctx.em.transactional(async (em) => {
    const department = await em.findOneOrFail(Department, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (await em.count(User, { department, anonymizedAt: null })) {
      throw new AppError('CONFLICT', 'Move its people to another department first', { reason: 'DEPARTMENT_IN_USE' });
    }
    for (const erased of await em.find(User, { department })) erased.department = null;
    em.remove(department);
  });
  return { ok: true as const };
};
