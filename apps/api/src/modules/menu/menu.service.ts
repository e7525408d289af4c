import { Category, Product } from '@canteen/db';
import type {
  AdjustStockInput,
  CategoryDto,
  CreateCategoryInput,
  CreateProductInput,
  ProductDto,
  ProductListInput,
  UpdateCategoryInput,
  UpdateProductInput,
} from '@canteen/shared';
import { ref } from '@mikro-orm/core';
import { CursorKeys } from '@canteen/shared';
import { AppError } from '../../errors';
import { canAccess, requireRole } from '../../lib/access';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import type { ContextInner } from '../../trpc/context';

type Ctx = Pick<ContextInner, 'em' | 'user' | 'deps'>;

type ProductRow = {
  id: string;
  name: string;
  description: string;
  price_cents: number;
  category_id: string;
  category_name: string;
  allergens: string[];
  dietary_tags: string[];
  stock: number | null;
  is_active: boolean;
  rating_count: number;
  rating_sum: number;
  updated_at: Date;
};

const toProductDto = (row: ProductRow): ProductDto =>
  ({
    id: row.id,
    name: row.name,
    description: row.description,
    priceCents: row.price_cents,
    categoryId: row.category_id,
    categoryName: row.category_name,
    allergens: row.allergens,
    dietaryTags: row.dietary_tags,
    stock: row.stock,
    isActive: row.is_active,
    ratingAverage: row.rating_count > 0 ? Math.round((row.rating_sum / row.rating_count) * 10) / 10 : null,
    ratingCount: row.rating_count,
    updatedAt: new Date(row.updated_at).toISOString(),
  }) as ProductDto;

const SELECT_PRODUCT = `select p.id, p.name, p.description, p.price_cents, p.category_id, c.name as category_name, p.allergens,
  p.dietary_tags, p.stock, p.is_active, p.rating_count, p.rating_sum, p.updated_at
  from product p join category c on c.id = p.category_id`;

/** "chick tik" → `chick:* & tik:*`: every word must match the start of a word in the name or description. */
export const toPrefixQuery = (search: string): string | null => {
  const words = search.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length
    ? words
        .slice(0, 8)
        .map((word) => `${word}:*`)
        .join(' & ')
    : null;
};

const SORTS = {
  name: {
    order: 'p.name asc, p.id asc',
    key: (r: ProductRow) => [r.name, r.id],
    cursor: CursorKeys.nameId,
    cmp: '(p.name, p.id) > (?, ?)',
  },
  price_asc: {
    order: 'p.price_cents asc, p.id asc',
    key: (r: ProductRow) => [r.price_cents, r.id],
    cursor: CursorKeys.numberId,
    cmp: '(p.price_cents, p.id) > (?, ?)',
  },
  price_desc: {
    order: 'p.price_cents desc, p.id desc',
    key: (r: ProductRow) => [r.price_cents, r.id],
    cursor: CursorKeys.numberId,
    cmp: '(p.price_cents, p.id) < (?, ?)',
  },
  newest: { order: 'p.id desc', key: (r: ProductRow) => [r.id], cursor: CursorKeys.id, cmp: 'p.id < ?' },
} as const;

/** The menu: active products for everyone; managers may include archived ones. Served from the menu cache. */
export const listProducts = async (ctx: Ctx, input: ProductListInput) => {
  const user = requireRole(ctx.user, 'user');
  const includeArchived = Boolean(input.includeArchived) && canAccess(user.role, 'manager');
  const key = `list:${JSON.stringify({ ...input, includeArchived })}`;
  return ctx.deps.menuCache.get(key, async () => {
    const sort = SORTS[input.sort];
    const where: string[] = [];
    const params: unknown[] = [];
    if (!includeArchived) where.push('p.is_active');
    const query = input.search ? toPrefixQuery(input.search) : null;
    if (query) {
      where.push("p.search_vector @@ to_tsquery('simple', ?)");
      params.push(query);
    }
    if (input.categoryId) {
      where.push('p.category_id = ?');
      params.push(input.categoryId);
    }
    if (input.dietaryTags?.length) {
      where.push('p.dietary_tags @> array[?]::text[]');
      params.push(input.dietaryTags);
    }
    if (input.freeFrom?.length) {
      where.push('not (p.allergens && array[?]::text[])');
      params.push(input.freeFrom);
    }
    if (input.minPriceCents !== undefined) {
      where.push('p.price_cents >= ?');
      params.push(input.minPriceCents);
    }
    if (input.maxPriceCents !== undefined) {
      where.push('p.price_cents <= ?');
      params.push(input.maxPriceCents);
    }
    const cursor = decodeCursor(input.cursor, sort.cursor);
    if (cursor) {
      where.push(sort.cmp);
      params.push(...cursor);
    }
    const sql = `${SELECT_PRODUCT} ${where.length ? `where ${where.join(' and ')}` : ''} order by ${sort.order} limit ?`;
    const rows = await ctx.em.getConnection().execute<ProductRow[]>(sql, [...params, input.limit + 1]);
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      items: page.map(toProductDto),
      nextCursor: rows.length > input.limit && last ? encodeCursor(sort.key(last)) : null,
    };
  });
};

const loadProductDto = async (ctx: Ctx, id: string): Promise<ProductDto | null> => {
  const rows = await ctx.em.getConnection().execute<ProductRow[]>(`${SELECT_PRODUCT} where p.id = ?`, [id]);
  return rows[0] ? toProductDto(rows[0]) : null;
};

export const getProduct = async (ctx: Ctx, id: string): Promise<ProductDto> => {
  const user = requireRole(ctx.user, 'user');
  const product = await ctx.deps.menuCache.get(`byId:${id}`, () => loadProductDto(ctx, id));
  if (!product || (!product.isActive && !canAccess(user.role, 'manager'))) {
    throw new AppError('NOT_FOUND', 'No such dish', { reason: 'NOT_FOUND' });
  }
  return product;
};

const findCategory = async (ctx: Ctx, id: string): Promise<Category> => {
  const category = await ctx.em.findOne(Category, id);
  if (!category) throw new AppError('NOT_FOUND', 'No such category', { reason: 'NOT_FOUND' });
  return category;
};

const findProduct = async (ctx: Ctx, id: string): Promise<Product> => {
  const product = await ctx.em.findOne(Product, id);
  if (!product) throw new AppError('NOT_FOUND', 'No such dish', { reason: 'NOT_FOUND' });
  return product;
};

/** Every menu write ends here: flush, then drop cached menu pages in every process. */
const commitMenuChange = async (ctx: Ctx): Promise<void> => {
  await ctx.em.flush();
  await ctx.deps.menuCache.invalidate();
};

export const createProduct = async (ctx: Ctx, input: CreateProductInput): Promise<ProductDto> => {
  requireRole(ctx.user, 'manager');
  const category = await findCategory(ctx, input.categoryId);
  const product = ctx.em.create(Product, {
    name: input.name,
    description: input.description,
    priceCents: input.priceCents,
    category,
    allergens: input.allergens,
    dietaryTags: input.dietaryTags,
    stock: input.stock ?? null,
  });
  await commitMenuChange(ctx);
  return (await loadProductDto(ctx, product.id))!;
};

export const updateProduct = async (ctx: Ctx, input: UpdateProductInput): Promise<ProductDto> => {
  requireRole(ctx.user, 'manager');
  const product = await findProduct(ctx, input.id);
  if (input.categoryId) product.category = ref(await findCategory(ctx, input.categoryId));
  if (input.name !== undefined) product.name = input.name;
  if (input.description !== undefined) product.description = input.description;
  if (input.priceCents !== undefined) product.priceCents = input.priceCents;
  if (input.allergens !== undefined) product.allergens = input.allergens;
  if (input.dietaryTags !== undefined) product.dietaryTags = input.dietaryTags;
  if (input.stock !== undefined) product.stock = input.stock;
  if (input.isActive !== undefined) product.isActive = input.isActive;
  await commitMenuChange(ctx);
  return (await loadProductDto(ctx, product.id))!;
};

/** Archived dishes leave the menu but stay on past orders (order lines keep a name and price snapshot). */
export const archiveProduct = async (ctx: Ctx, id: string): Promise<ProductDto> => {
  requireRole(ctx.user, 'manager');
  const product = await findProduct(ctx, id);
  product.isActive = false;
  await commitMenuChange(ctx);
  return (await loadProductDto(ctx, id))!;
};

/** Deliveries and waste change stock relative to what is there now, in one statement, so no sale is lost. */
export const adjustStock = async (ctx: Ctx, input: AdjustStockInput): Promise<ProductDto> => {
  requireRole(ctx.user, 'manager');
  const product = await findProduct(ctx, input.id);
  if ('delta' in input) {
    if (product.stock === null || product.stock === undefined) {
      throw new AppError('BAD_REQUEST', 'Stock is not tracked for this dish; set a count first');
    }
    const changed = await ctx.em
      .getConnection()
      .execute<{ id: string }[]>(
        'update product set stock = stock + ?, updated_at = now() where id = ? and stock + ? >= 0 returning id',
        [input.delta, input.id, input.delta],
      );
    if (changed.length === 0) throw new AppError('BAD_REQUEST', 'Stock cannot go below zero', { reason: 'OUT_OF_STOCK' });
  } else {
    product.stock = input.set;
  }
  await commitMenuChange(ctx);
  await ctx.em.refresh(product);
  return (await loadProductDto(ctx, input.id))!;
};

export const listCategories = async (ctx: Ctx): Promise<CategoryDto[]> => {
  requireRole(ctx.user, 'user');
  return ctx.deps.menuCache.get('categories', async () => {
    const rows = await ctx.em
      .getConnection()
      .execute<{ id: string; name: string; slug: string; sort_order: number; n: number }[]>(
        `select c.id, c.name, c.slug, c.sort_order, count(p.id) filter (where p.is_active)::int as n
       from category c left join product p on p.category_id = c.id group by c.id order by c.sort_order, c.name`,
      );
    return rows.map((row) => ({ id: row.id, name: row.name, slug: row.slug, sortOrder: row.sort_order, productCount: row.n }));
  });
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
  const category = await findCategory(ctx, input.id);
  await assertSlugFree(ctx, input, category.id);
  if (input.name !== undefined) category.name = input.name;
  if (input.slug !== undefined) category.slug = input.slug;
  if (input.sortOrder !== undefined) category.sortOrder = input.sortOrder;
  await commitMenuChange(ctx);
  return toCategoryDto(category, await ctx.em.count(Product, { category, isActive: true }));
};

export const deleteCategory = async (ctx: Ctx, id: string): Promise<{ ok: true }> => {
  requireRole(ctx.user, 'manager');
  const category = await findCategory(ctx, id);
  if (await ctx.em.count(Product, { category })) {
    throw new AppError('CONFLICT', 'Move or delete its dishes first', { reason: 'CATEGORY_IN_USE' });
  }
  ctx.em.remove(category);
  await commitMenuChange(ctx);
  return { ok: true };
};
