import { Category, Product, kysely } from '@canteen/db';
import type { CategoryDto, CreateCategoryInput, UpdateCategoryInput } from '@canteen/shared';
import { AppError } from '../../errors';
import { requireRole } from '../../lib/access';
import type { ContextInner } from '../../trpc/context';
import { commitMenuChange } from '../product/product.service';

type Ctx = Pick<ContextInner, 'em' | 'user' | 'deps'>;

export const listCategories = async (ctx: Ctx): Promise<CategoryDto[]> => {
  requireRole(ctx.user, 'signedIn');
  return ctx.deps.menuCache.get('categories', () =>
    kysely(ctx.em)
      .selectFrom('Category as c')
      .leftJoin('Product as p', 'p.category', 'c.id')
      .select((eb) => [
        'c.id',
        'c.name',
        'c.slug',
        'c.sortOrder',
        eb.cast<number>(eb.fn.count('p.id').filterWhere('p.isActive', '=', true), 'integer').as('productCount'),
      ])
      .groupBy('c.id')
      .orderBy('c.sortOrder')
      .orderBy('c.name')
      .execute(),
  );
};

const toCategoryDto = (category: Category, productCount = 0): CategoryDto => ({
  id: category.id,
  name: category.name,
  slug: category.slug,
  sortOrder: category.sortOrder,
  productCount,
});

const assertSlugFree = async (ctx: Ctx, fields: { name?: string | undefined; slug?: string | undefined }, exceptId?: string) => {
  const or = [...(fields.name ? [{ name: fields.name }] : []), ...(fields.slug ? [{ slug: fields.slug }] : [])];
  if (!or.length) return;
  const clash = await ctx.em.findOne(Category, { $or: or, ...(exceptId ? { id: { $ne: exceptId } } : {}) });
  if (clash) throw new AppError('CONFLICT', 'A category with that name or slug exists', { reason: 'SLUG_TAKEN' });
};

export const createCategory = async (ctx: Ctx, input: CreateCategoryInput): Promise<CategoryDto> => {
  requireRole(ctx.user, 'manager');
  await assertSlugFree(ctx, input);
  const category = ctx.em.create(Category, input);
  await commitMenuChange(ctx);
  return toCategoryDto(category);
};

export const updateCategory = async (ctx: Ctx, input: UpdateCategoryInput): Promise<CategoryDto> => {
  requireRole(ctx.user, 'manager');
  const category = await ctx.em.findOneOrFail(Category, input.id);
  await assertSlugFree(ctx, input, category.id);
  const { id: _id, ...fields } = input;
  ctx.em.assign(category, fields, { ignoreUndefined: true });
  await commitMenuChange(ctx);
  return toCategoryDto(category, await ctx.em.count(Product, { category, isActive: true }));
};

export const deleteCategory = async (ctx: Ctx, id: string): Promise<{ ok: true }> => {
  requireRole(ctx.user, 'manager');
  const category = await ctx.em.findOneOrFail(Category, id);
  if (await ctx.em.count(Product, { category })) {
    throw new AppError('CONFLICT', 'Move or delete its dishes first', { reason: 'CATEGORY_IN_USE' });
  }
  ctx.em.remove(category);
  await commitMenuChange(ctx);
  return { ok: true };
};
