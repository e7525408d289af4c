import { Category, Favourite, Product, User, kysely, matchesSearch, newId, searchRank, searchWords } from '@canteen/db';
import { type SqlBool, sql } from 'kysely';
import type {
  AdjustStockInput,
  CreateProductInput,
  OptionGroup,
  OptionGroupInput,
  ProductCounts,
  ProductDto,
  ProductFilters,
  ProductListInput,
  UpdateProductInput,
} from '@canteen/shared';
import { LockMode } from '@mikro-orm/core';
import { CursorKeys } from '@canteen/shared';
import { AppError } from '../../errors';
import { canAccess, requireRole } from '../../lib/access';
import { menuChanged as menuChangedEvents, menuChangedFor, recordLiveEvents } from '../live/live.events';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import type { ContextInner } from '../../trpc/context';

type Ctx = Pick<ContextInner, 'em' | 'user' | 'deps'>;

/** The menu's columns and the category name: one shape for the list and for a single dish. */
const selectProducts = (ctx: Ctx) =>
  kysely(ctx.em)
    .selectFrom('Product as p')
    .innerJoin('Category as c', 'c.id', 'p.category')
    .select([
      'p.id',
      'p.name',
      'p.description',
      'p.priceCents',
      'p.category as categoryId',
      'c.name as categoryName',
      'p.allergens',
      'p.dietaryTags',
      'p.stock',
      'p.isActive',
      'p.isScheduled',
      'p.optionGroups',
      'p.ratingCount',
      'p.ratingSum',
      'p.updatedAt',
    ]);

type ProductQuery = ReturnType<typeof selectProducts>;
/** The relevance sort adds its rank to the row for the cursor; the answer does not carry it. */
const withoutRank = <T extends { negRank?: number }>({ negRank: _rank, ...row }: T) => row;
type ProductRow = Awaited<ReturnType<ProductQuery['execute']>>[number];
type SortedQuery = { query: ProductQuery; keyOf: (row: ProductRow) => unknown[] };

const toProductDto = ({ ratingSum, updatedAt, ...row }: ProductRow & { negRank?: number }): ProductDto => ({
  ...withoutRank(row),
  plan: null,
  ratingAverage: row.ratingCount > 0 ? Math.round((ratingSum / row.ratingCount) * 10) / 10 : null,
  updatedAt: updatedAt.toISOString(),
});

type Sort = (query: ProductQuery, cursor: string | null | undefined, words: string[]) => SortedQuery;

const byName: Sort = (query, cursor) => {
  const after = decodeCursor(cursor, CursorKeys.nameId);
  return {
    query: (after ? query.where((eb) => eb(eb.refTuple('p.name', 'p.id'), '>', eb.tuple(...after))) : query)
      .orderBy('p.name')
      .orderBy('p.id'),
    keyOf: (row) => [row.name, row.id],
  };
};

const byPrice =
  (direction: 'asc' | 'desc'): Sort =>
  (query, cursor) => {
    const after = decodeCursor(cursor, CursorKeys.numberId);
    const past = direction === 'asc' ? '>' : '<';
    return {
      query: (after ? query.where((eb) => eb(eb.refTuple('p.priceCents', 'p.id'), past, eb.tuple(...after))) : query)
        .orderBy('p.priceCents', direction)
        .orderBy('p.id', direction),
      keyOf: (row) => [row.priceCents, row.id],
    };
  };

/**
 * Best match first (search.ts's rank), then by name. The rank is negated so the cursor is one ascending row
 * value (-rank, name, id); without a search there is nothing to rank and the order is by name.
 */
const byRelevance: Sort = (query, cursor, words) => {
  if (words.length === 0) return byName(query, cursor, words);
  const negRank = sql<number>`(-${searchRank(sql.ref('p.name'), sql.ref('p.searchText'), words)})`;
  const after = decodeCursor(cursor, CursorKeys.numberNameId);
  const ranked = query.select(negRank.as('negRank'));
  return {
    query: (after ? ranked.where(sql<SqlBool>`(${negRank}, p.name, p.id) > (${after[0]}, ${after[1]}, ${after[2]})`) : ranked)
      .orderBy(sql`"negRank"`)
      .orderBy('p.name')
      .orderBy('p.id'),
    keyOf: (row) => [(row as ProductRow & { negRank: number }).negRank, row.name, row.id],
  };
};

/**
 * Keyset pages: every sort orders by (key, id), and the cursor (the last row's key and id) is compared as one
 * row value, so PostgreSQL walks the index from there instead of counting past earlier pages.
 */
const SORTS: Record<ProductListInput['sort'], Sort> = {
  relevance: byRelevance,
  name: byName,
  price_asc: byPrice('asc'),
  price_desc: byPrice('desc'),
  newest: (query, cursor) => {
    const after = decodeCursor(cursor, CursorKeys.id);
    return {
      query: (after ? query.where('p.id', '<', after[0]) : query).orderBy('p.id', 'desc'),
      keyOf: (row) => [row.id],
    };
  },
};

/** Managers may include archived dishes; everyone else sees the active menu. */
const seesArchived = (ctx: Ctx, filters: ProductFilters): boolean =>
  Boolean(filters.includeArchived) && canAccess(requireRole(ctx.user, 'signedIn').role, 'manager');

/**
 * "Free from": the dish has none of the allergens, and each group it requires a choice of has enough options still
 * offered without them (`canBeFreeFrom` in @canteen/shared says the same for the web).
 */
const canBeFreeFrom = (allergens: readonly string[]) => {
  const avoided = sql`${[...allergens]}::text[]`;
  return sql<SqlBool>`(not (${sql.ref('p.allergens')} && ${avoided}) and not exists (
    select 1 from jsonb_array_elements(${sql.ref('p.optionGroups')}) g
    where (g->>'minChoices')::int > (
      select count(*) from jsonb_array_elements(g->'options') o
      where not (o->>'isArchived')::boolean
        and not (array(select jsonb_array_elements_text(o->'allergens')) && ${avoided}))))`;
};

/** Everyday dishes, and the daily dishes the published plan of `day` lists. */
const servedOn = (day: string) =>
  sql<SqlBool>`(not ${sql.ref('p.isScheduled')} or exists (
    select 1 from menu_day_dish d join menu_day m on m.day = d.day and m.published_at is not null
    where d.day = ${day}::date and d.product_id = ${sql.ref('p.id')}))`;

/**
 * A day's menu: its daily dishes carry that day's badges, and what is left of the day's planned quantity as their
 * stock (as the order takes it from there).
 */
const withPlanOf = async (ctx: Ctx, day: string | undefined, items: ProductDto[]): Promise<ProductDto[]> => {
  const scheduled = items.filter((item) => item.isScheduled).map((item) => item.id);
  if (!day || scheduled.length === 0) return items;
  const { rows } = await sql<{ product_id: string; left: number | null; is_new: boolean; is_chefs_choice: boolean }>`
    select d.product_id, d.planned_quantity - d.sold as left, d.is_new, d.is_chefs_choice
    from menu_day_dish d join menu_day m on m.day = d.day and m.published_at is not null
    where d.day = ${day}::date and d.product_id = any(${scheduled}::uuid[])`.execute(kysely(ctx.em));
  const planned = new Map(rows.map((row) => [row.product_id, row]));
  return items.map((item) => {
    const entry = planned.get(item.id);
    return entry
      ? {
          ...item,
          stock: entry.left === null ? null : Math.max(0, entry.left),
          plan: { isNew: entry.is_new, isChefsChoice: entry.is_chefs_choice },
        }
      : item;
  });
};

/** The filters every menu query shares: the list's page and the counts see the same dishes. */
type Narrowing = { filters: ProductFilters; includeArchived: boolean; words: string[] };
const applyFilters = <Q extends ProductQuery>(query: Q, { filters, includeArchived, words }: Narrowing): Q => {
  let filtered = query;
  if (!includeArchived) filtered = filtered.where('p.isActive', '=', true) as Q;
  if (words.length) filtered = filtered.where(matchesSearch(sql.ref('p.searchText'), words, 'inside_or_similar')) as Q;
  // One array parameter each: `@>` (all these tags) is served by the GIN index on dietary tags.
  if (filters.dietaryTags?.length) filtered = filtered.where('p.dietaryTags', '@>', (eb) => eb.val(filters.dietaryTags)) as Q;
  if (filters.freeFrom?.length) filtered = filtered.where(canBeFreeFrom(filters.freeFrom)) as Q;
  if (filters.day) filtered = filtered.where(servedOn(filters.day)) as Q;
  if (filters.isScheduled !== undefined) filtered = filtered.where('p.isScheduled', '=', filters.isScheduled) as Q;
  if (filters.minPriceCents !== undefined) filtered = filtered.where('p.priceCents', '>=', filters.minPriceCents) as Q;
  if (filters.maxPriceCents !== undefined) filtered = filtered.where('p.priceCents', '<=', filters.maxPriceCents) as Q;
  return filtered;
};

/** The menu: active products for everyone; managers may include archived ones. Served from the menu cache. */
export const listProducts = async (ctx: Ctx, input: ProductListInput) => {
  const includeArchived = seesArchived(ctx, input);
  const key = `list:${JSON.stringify({ ...input, includeArchived })}`;
  return ctx.deps.menuCache.get(key, async () => {
    const words = searchWords(input.search ?? '');
    let query = applyFilters(selectProducts(ctx), { filters: input, includeArchived, words });
    if (input.categoryId) query = query.where('p.category', '=', input.categoryId);
    const sorted = SORTS[input.sort](query, input.cursor, words);
    const rows = await sorted.query.limit(input.limit + 1).execute();
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      items: await withPlanOf(ctx, input.day, page.map(toProductDto)),
      nextCursor: rows.length > input.limit && last ? encodeCursor(sorted.keyOf(last)) : null,
    };
  });
};

/** How many dishes the filters leave, in all and per category (categories with none are left out). */
export const countProducts = async (ctx: Ctx, filters: ProductFilters): Promise<ProductCounts> => {
  const includeArchived = seesArchived(ctx, filters);
  const key = `counts:${JSON.stringify({ ...filters, includeArchived })}`;
  return ctx.deps.menuCache.get(key, async () => {
    const words = searchWords(filters.search ?? '');
    const base = kysely(ctx.em).selectFrom('Product as p');
    const rows = await applyFilters(base as unknown as ProductQuery, { filters, includeArchived, words })
      .clearSelect()
      .select((eb) => ['p.category as categoryId', eb.fn.countAll<string>().as('count')])
      .groupBy('p.category')
      .execute();
    const byCategory = rows.map((row) => ({ categoryId: row.categoryId, count: Number(row.count) }));
    return { total: byCategory.reduce((sum, row) => sum + row.count, 0), byCategory };
  });
};

const loadProductDto = async (ctx: Ctx, id: string): Promise<ProductDto | null> => {
  const row = await selectProducts(ctx).where('p.id', '=', id).executeTakeFirst();
  return row ? toProductDto(row) : null;
};

export const getProduct = async (ctx: Ctx, id: string): Promise<ProductDto> => {
  const user = requireRole(ctx.user, 'signedIn');
  const product = await ctx.deps.menuCache.get(`byId:${id}`, () => loadProductDto(ctx, id));
  if (!product || (!product.isActive && !canAccess(user.role, 'manager'))) {
    throw new AppError('NOT_FOUND', 'No such dish', { reason: 'NOT_FOUND' });
  }
  return product;
};

/** After a menu write committed: drop cached menu pages in every process and wake the open menus. */
const menuChanged = async (ctx: Ctx): Promise<void> => {
  await ctx.deps.menuCache.invalidate();
  ctx.deps.live.wake();
};

/** Every menu write ends here: flush, then drop cached menu pages in every process. */
export const commitMenuChange = async (ctx: Ctx): Promise<void> => {
  await ctx.em.flush();
  await ctx.deps.menuCache.invalidate();
};

/**
 * Two dishes on the menu never share a name, whatever the letter case or accents ("Käsespätzle", "KASESPATZLE"):
 * people could not tell them apart. Archived dishes keep theirs (past orders show it), so a name may come back.
 * Runs in the transaction that writes the dish: the lock on the folded name makes two managers adding the same
 * dish at once take turns, so the second one is refused too.
 */
const assertNameFree = async (em: Ctx['em'], name: string, exceptId?: string): Promise<void> => {
  const db = kysely(em);
  await sql`select pg_advisory_xact_lock(hashtextextended('product-name:' || canteen_fold(${name}), 0))`.execute(db);
  let query = db
    .selectFrom('Product as p')
    .select('p.id')
    .where('p.isActive', '=', true)
    .where(sql<SqlBool>`canteen_fold(${sql.ref('p.name')}) = canteen_fold(${name})`);
  if (exceptId) query = query.where('p.id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    throw new AppError('CONFLICT', 'Another dish on the menu already has that name', { reason: 'PRODUCT_NAME_TAKEN' });
  }
};

/**
 * A dish's option groups as written: groups and options that already had an id on this dish keep it (old carts
 * still resolve), new ones get one.
 */
const toOptionGroups = (input: readonly OptionGroupInput[], existing: readonly OptionGroup[]): OptionGroup[] => {
  const groupIds = new Set(existing.map((group) => group.id));
  const optionIds = new Set(existing.flatMap((group) => group.options.map((option) => option.id)));
  return input.map((group) => ({
    id: group.id && groupIds.has(group.id) ? group.id : newId(),
    name: group.name,
    minChoices: group.minChoices,
    maxChoices: group.maxChoices,
    options: group.options.map((option) => ({
      id: option.id && optionIds.has(option.id) ? option.id : newId(),
      name: option.name,
      priceDeltaCents: option.priceDeltaCents,
      allergens: option.allergens,
      isArchived: option.isArchived,
    })),
  }));
};

export const createProduct = async (ctx: Ctx, input: CreateProductInput): Promise<ProductDto> => {
  requireRole(ctx.user, 'manager');
  const id = await ctx.em.transactional(async (em) => {
    const category = await em.findOneOrFail(Category, input.categoryId);
    await assertNameFree(em, input.name);
    const product = em.create(Product, {
      name: input.name,
      description: input.description,
      priceCents: input.priceCents,
      category,
      allergens: input.allergens,
      dietaryTags: input.dietaryTags,
      stock: input.stock ?? null,
      isScheduled: input.isScheduled ?? false,
      optionGroups: toOptionGroups(input.optionGroups ?? [], []),
    });
    await em.flush();
    await recordLiveEvents(em, await menuChangedFor(em, [product.id]));
    return product.id;
  });
  await menuChanged(ctx);
  return (await loadProductDto(ctx, id))!;
};

export const updateProduct = async (ctx: Ctx, input: UpdateProductInput): Promise<ProductDto> => {
  requireRole(ctx.user, 'manager');
  const { id, categoryId, optionGroups, ...fields } = input;
  await ctx.em.transactional(async (em) => {
    const product = await em.findOneOrFail(Product, id);
    const category = categoryId ? await em.findOneOrFail(Category, categoryId) : undefined;
    // A new name, or a dish coming back to the menu (archive's undo), must not clash with one on the menu.
    const isRenamed = fields.name !== undefined && fields.name !== product.name;
    const isRestored = fields.isActive === true && !product.isActive;
    if ((fields.isActive ?? product.isActive) && (isRenamed || isRestored)) {
      await assertNameFree(em, fields.name ?? product.name, product.id);
    }
    em.assign(product, { ...fields, category }, { ignoreUndefined: true });
    if (optionGroups) product.optionGroups = toOptionGroups(optionGroups, product.optionGroups);
    await em.flush();
    await recordLiveEvents(em, await menuChangedFor(em, [product.id]));
  });
  await menuChanged(ctx);
  return (await loadProductDto(ctx, id))!;
};

/** Archived dishes leave the menu but stay on past orders (order lines keep a name and price snapshot). */
export const archiveProduct = async (ctx: Ctx, id: string): Promise<ProductDto> => {
  requireRole(ctx.user, 'manager');
  await ctx.em.transactional(async (em) => {
    const product = await em.findOneOrFail(Product, id);
    product.isActive = false;
    await em.flush();
    await recordLiveEvents(em, await menuChangedFor(em, [id]));
  });
  await menuChanged(ctx);
  return (await loadProductDto(ctx, id))!;
};

/**
 * Deliveries and waste change stock relative to what is there now. The row lock makes that exact (a sale
 * committing meanwhile waits, so none is lost), and the change goes through the unit of work, so it is audited.
 */
export const adjustStock = async (ctx: Ctx, input: AdjustStockInput): Promise<ProductDto> => {
  requireRole(ctx.user, 'kitchen');
  await ctx.em.transactional(async (em) => {
    const product = await em.findOneOrFail(Product, input.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!('delta' in input)) product.stock = input.set;
    else if (product.stock === null || product.stock === undefined) {
      throw new AppError('BAD_REQUEST', 'Stock is not tracked for this dish; set a count first', { reason: 'STOCK_NOT_TRACKED' });
    } else if (product.stock + input.delta < 0) {
      throw new AppError('BAD_REQUEST', 'Stock cannot go below zero', { reason: 'OUT_OF_STOCK' });
    } else product.stock += input.delta;
    await em.flush();
    await recordLiveEvents(em, menuChangedEvents([{ id: product.id, stock: product.stock ?? null, isActive: product.isActive }]));
  });
  await menuChanged(ctx);
  return (await loadProductDto(ctx, input.id))!;
};

/** The caller's favourite dishes still on the menu, by name: pinned at the top of their menu (not cached: theirs alone). */
export const listFavourites = async (ctx: Ctx): Promise<ProductDto[]> => {
  const user = requireRole(ctx.user, 'user');
  const rows = await selectProducts(ctx)
    .innerJoin('Favourite as f', 'f.product', 'p.id')
    .where('f.user', '=', user.id)
    .where('p.isActive', '=', true)
    .orderBy('p.name')
    .execute();
  return rows.map(toProductDto);
};

/** Pins or unpins a dish for the caller (an archived dish can be unpinned, not pinned); answers the new list. */
export const setFavourite = async (ctx: Ctx, input: { id: string; isFavourite: boolean }): Promise<ProductDto[]> => {
  const user = requireRole(ctx.user, 'user');
  const favourite = await ctx.em.findOne(Favourite, { user: user.id, product: input.id });
  if (input.isFavourite && !favourite) {
    const product = await ctx.em.findOne(Product, { id: input.id, isActive: true });
    if (!product) throw new AppError('NOT_FOUND', 'No such dish', { reason: 'NOT_FOUND' });
    ctx.em.create(Favourite, { user: ctx.em.getReference(User, user.id), product });
  }
  if (!input.isFavourite && favourite) ctx.em.remove(favourite);
  await ctx.em.flush();
  return listFavourites(ctx);
};
