import { describe, expect, it } from 'vitest';
import { AuditEntry, Category, Product } from '@canteen/db';
import { createMemoryMenuCache } from '../../lib/menu-cache';
import {
  createTestCaller,
  createTestDeps,
  getTestOrm,
  makeCast,
  makeCategory,
  makeProduct,
  makeUser,
} from '../../../test/helpers';

const orm = await getTestOrm();

const seedMenu = async () => {
  const mains = await makeCategory(orm, 'Mains');
  const drinks = await makeCategory(orm, 'Drinks');
  await makeProduct(orm, {
    name: 'Chicken Tikka Masala',
    description: 'Creamy tomato curry with basmati rice',
    priceCents: 950,
    category: mains,
    allergens: ['milk'],
    dietaryTags: ['halal', 'gluten_free'],
  });
  await makeProduct(orm, {
    name: 'Chickpea Curry',
    description: 'Vegan coconut curry',
    priceCents: 790,
    category: mains,
    allergens: [],
    dietaryTags: ['vegan', 'vegetarian', 'gluten_free', 'dairy_free'],
  });
  await makeProduct(orm, {
    name: 'Spaghetti Carbonara',
    description: 'Egg, pecorino and guanciale',
    priceCents: 890,
    category: mains,
    allergens: ['gluten', 'eggs', 'milk'],
  });
  await makeProduct(orm, {
    name: 'Apple Juice',
    description: 'Cloudy, pressed',
    priceCents: 250,
    category: drinks,
    dietaryTags: ['vegan', 'vegetarian'],
  });
  await makeProduct(orm, { name: 'Old Lemonade', priceCents: 200, category: drinks, isActive: false });
  return { mains, drinks };
};

describe('product.list', () => {
  it('searches inside words, without accents, forgiving typos; best match first', async () => {
    await seedMenu();
    const mains = await makeCategory(orm, 'German');
    await makeProduct(orm, { name: 'Käsespätzle', description: 'Egg noodles with mountain cheese', category: mains });
    await makeProduct(orm, { name: 'Lasagne al forno', description: 'Beef ragù, béchamel', category: mains });
    const caller = await createTestCaller({ user: await makeUser(orm) });
    const names = async (search: string, sort: 'relevance' | 'name' = 'relevance') =>
      (await caller.product.list({ limit: 20, search, sort })).items.map((p) => p.name);
    // The cases: inside a word, accents either way, a typo.
    expect(await names('spätzle')).toEqual(['Käsespätzle']);
    expect(await names('spatzle')).toEqual(['Käsespätzle']);
    expect(await names('kase')).toEqual(['Käsespätzle']);
    expect(await names('KÄSE')).toEqual(['Käsespätzle']);
    expect(await names('lasagna')).toEqual(['Lasagne al forno']);
    expect(await names('ragu bechamel')).toEqual(['Lasagne al forno']);
    // Best match first: the name that starts with the search before a description that mentions it.
    expect(await names('curry')).toEqual(['Chickpea Curry', 'Chicken Tikka Masala']);
    expect(await names('curry', 'name')).toEqual(['Chicken Tikka Masala', 'Chickpea Curry']);
    expect(await names('chick')).toEqual(['Chicken Tikka Masala', 'Chickpea Curry']);
    expect(await names('curry coco')).toEqual(['Chickpea Curry']);
    expect(await names('BASMATI')).toEqual(['Chicken Tikka Masala']);
    expect(await names('pizza')).toEqual([]);
    expect(await names("'; drop table product; --")).toEqual([]);
    expect(await names('%')).toHaveLength(6);
    expect(await names('_')).toHaveLength(6);
  });

  it('counts the dishes the filters leave, in all and per category', async () => {
    const { mains, drinks } = await seedMenu();
    const caller = await createTestCaller({ user: await makeUser(orm) });
    const counts = await caller.product.counts({});
    expect(counts.total).toBe(4);
    expect(new Map(counts.byCategory.map((row) => [row.categoryId, row.count]))).toEqual(
      new Map([
        [mains.id, 3],
        [drinks.id, 1],
      ]),
    );
    expect(await caller.product.counts({ dietaryTags: ['vegan'] })).toMatchObject({ total: 2 });
    expect(await caller.product.counts({ search: 'curry' })).toEqual({
      total: 2,
      byCategory: [{ categoryId: mains.id, count: 2 }],
    });
    expect(await caller.product.counts({ search: 'pizza' })).toEqual({ total: 0, byCategory: [] });
  });

  it('filters by category, diet, allergens and price, and hides archived dishes from employees', async () => {
    const { drinks } = await seedMenu();
    const { manager, employee } = await makeCast(orm);
    const caller = await createTestCaller({ user: employee });
    const names = async (input: Parameters<typeof caller.product.list>[0]) =>
      (await caller.product.list(input)).items.map((p) => p.name);
    expect(await names({ limit: 20, categoryId: drinks.id })).toEqual(['Apple Juice']);
    expect(await names({ limit: 20, dietaryTags: ['vegan', 'gluten_free'] })).toEqual(['Chickpea Curry']);
    expect(await names({ limit: 20, freeFrom: ['milk', 'gluten'] })).toEqual(['Apple Juice', 'Chickpea Curry']);
    expect(await names({ limit: 20, minPriceCents: 800, maxPriceCents: 900 })).toEqual(['Spaghetti Carbonara']);
    expect(await names({ limit: 20, includeArchived: true })).not.toContain('Old Lemonade');
    const staff = await createTestCaller({ user: manager });
    expect((await staff.product.list({ limit: 20, includeArchived: true })).items.map((p) => p.name)).toContain('Old Lemonade');
    await expect(caller.product.list({ limit: 20, freeFrom: ['arsenic' as never] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it.each(['relevance', 'name', 'price_asc', 'price_desc', 'newest'] as const)(
    'pages the %s sort with a cursor, without gaps or repeats',
    async (sort) => {
      const category = await makeCategory(orm);
      for (let i = 0; i < 9; i++)
        await makeProduct(orm, { name: `Dish ${i % 3} ${i}`, priceCents: 100 + (i % 4) * 50, category });
      const caller = await createTestCaller({ user: await makeUser(orm) });
      // Relevance ranks only while searching; every name matches "dish" equally well, so ties go by name and id.
      const search = sort === 'relevance' ? { search: 'dish' } : {};
      const all = (await caller.product.list({ limit: 50, sort, categoryId: category.id, ...search })).items.map((p) => p.id);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof caller.product.list>> = await caller.product.list({
          limit: 2,
          sort,
          categoryId: category.id,
          cursor,
          ...search,
        });
        paged.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all);
      expect(all).toHaveLength(9);
      await expect(caller.product.list({ limit: 2, sort, cursor: 'bm9wZQ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    },
  );
});

describe('menu management', () => {
  it('creates, updates and archives dishes; archived dishes leave the menu; employees may not write', async () => {
    const { manager, employee } = await makeCast(orm);
    const category = await makeCategory(orm);
    // One process: manager and employee share its menu cache.
    const deps = createTestDeps();
    const staff = await createTestCaller({ user: manager, deps });
    const created = await staff.product.create({
      name: 'Falafel Bowl',
      description: 'Falafel, hummus, tabbouleh',
      priceCents: 850,
      categoryId: category.id,
      allergens: ['sesame', 'gluten', 'sesame'],
      dietaryTags: ['vegan'],
      stock: 12,
    });
    expect(created).toMatchObject({ allergens: ['sesame', 'gluten'], stock: 12, isActive: true, categoryName: category.name });
    const updated = await staff.product.update({ id: created.id, priceCents: 900 });
    expect(updated.priceCents).toBe(900);
    const eater = await createTestCaller({ user: employee, deps });
    expect((await eater.product.byId({ id: created.id })).priceCents).toBe(900);
    await staff.product.archive({ id: created.id });
    await expect(eater.product.byId({ id: created.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      eater.product.create({ name: 'x', priceCents: 1, categoryId: category.id, allergens: [], dietaryTags: [] }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      staff.product.create({ name: 'Free lunch', priceCents: 0, categoryId: category.id, allergens: [], dietaryTags: [] }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await orm.em.fork().count(AuditEntry, { action: 'product.archive', entityId: created.id })).toBe(1);
  });

  it('adjusts stock by deliveries and waste, never below zero, or sets a count', async () => {
    const { manager } = await makeCast(orm);
    const dish = await makeProduct(orm, { stock: 5 });
    const staff = await createTestCaller({ user: manager });
    expect((await staff.product.adjustStock({ id: dish.id, delta: 10 })).stock).toBe(15);
    expect((await staff.product.adjustStock({ id: dish.id, delta: -3 })).stock).toBe(12);
    await expect(staff.product.adjustStock({ id: dish.id, delta: -13 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await staff.product.adjustStock({ id: dish.id, set: 40 })).stock).toBe(40);
    expect((await staff.product.adjustStock({ id: dish.id, set: null })).stock).toBeNull();
    await expect(staff.product.adjustStock({ id: dish.id, delta: 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await orm.em.fork().findOneOrFail(Product, dish.id)).stock).toBeNull();
  });

  it('names what it did not find, in words, and changes nothing', async () => {
    const { manager } = await makeCast(orm);
    const dish = await makeProduct(orm, { name: 'Stays as it is' });
    const staff = await createTestCaller({ user: manager });
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(staff.product.update({ id: missing, name: 'X' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No such dish',
      cause: { reason: 'NOT_FOUND' },
    });
    await expect(staff.product.update({ id: dish.id, categoryId: missing, name: 'Moved' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No such category',
    });
    await expect(staff.category.delete({ id: missing })).rejects.toMatchObject({ message: 'No such category' });
    expect((await orm.em.fork().findOneOrFail(Product, dish.id)).name).toBe('Stays as it is');
  });

  it('updates only the fields it is given', async () => {
    const { manager } = await makeCast(orm);
    const dish = await makeProduct(orm, { name: 'Soup', priceCents: 400, stock: 7, allergens: ['celery'] });
    const staff = await createTestCaller({ user: manager });
    const updated = await staff.product.update({ id: dish.id, priceCents: 450 });
    expect(updated).toMatchObject({ name: 'Soup', priceCents: 450, stock: 7, allergens: ['celery'] });
    expect((await staff.product.update({ id: dish.id, stock: null })).stock).toBeNull();
  });

  it('refuses a second dish on the menu with the same name, whatever the case or accents, and changes nothing', async () => {
    const { manager } = await makeCast(orm);
    const category = await makeCategory(orm);
    const staff = await createTestCaller({ user: manager });
    const dish = (name: string) => ({ name, priceCents: 700, categoryId: category.id, allergens: [], dietaryTags: [] });
    const original = await staff.product.create(dish('Käsespätzle'));
    const other = await staff.product.create(dish('Lentil soup'));
    const taken = { code: 'CONFLICT', cause: { reason: 'PRODUCT_NAME_TAKEN' } };
    const count = () => orm.em.fork().count(Product, {});
    const before = await count();
    for (const name of ['Käsespätzle', 'KASESPATZLE', 'käsespätzle']) {
      await expect(staff.product.create(dish(name))).rejects.toMatchObject(taken);
    }
    await expect(staff.product.update({ id: other.id, name: 'kasespätzle', priceCents: 990 })).rejects.toMatchObject(taken);
    expect(await count()).toBe(before);
    expect(await orm.em.fork().findOneOrFail(Product, other.id)).toMatchObject({ name: 'Lentil soup', priceCents: 700 });
    expect(await orm.em.fork().count(AuditEntry, { action: 'product.update', entityId: other.id })).toBe(0);

    // The dish keeps its own name (in another case too), and other changes to it need no new name.
    expect((await staff.product.update({ id: original.id, name: 'KÄSESPÄTZLE', priceCents: 750 })).name).toBe('KÄSESPÄTZLE');
    expect((await staff.product.update({ id: other.id, name: 'Lentil soup', priceCents: 720 })).priceCents).toBe(720);
    // An archived dish frees its name; it cannot come back to the menu while another dish has it.
    await staff.product.archive({ id: original.id });
    const successor = await staff.product.create(dish('Käsespätzle'));
    await expect(staff.product.update({ id: original.id, isActive: true })).rejects.toMatchObject(taken);
    expect((await orm.em.fork().findOneOrFail(Product, original.id)).isActive).toBe(false);
    await staff.product.archive({ id: successor.id });
    expect((await staff.product.update({ id: original.id, isActive: true })).isActive).toBe(true);
  });

  it('lets only one of two managers adding the same dish at once succeed', async () => {
    const { manager } = await makeCast(orm);
    const category = await makeCategory(orm);
    const input = { name: 'Twin dish', priceCents: 500, categoryId: category.id, allergens: [], dietaryTags: [] };
    const results = await Promise.allSettled([
      (await createTestCaller({ user: manager })).product.create(input),
      (await createTestCaller({ user: manager })).product.create({ ...input, name: 'TWIN DISH' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({
      reason: { code: 'CONFLICT', cause: { reason: 'PRODUCT_NAME_TAKEN' } },
    });
    expect(await orm.em.fork().count(Product, { category: category.id })).toBe(1);
  });

  it('manages categories and refuses to delete one that still has dishes', async () => {
    const { manager } = await makeCast(orm);
    const staff = await createTestCaller({ user: manager });
    const soups = await staff.category.create({ name: 'Soups', slug: 'Soups', sortOrder: 2 });
    expect(soups.slug).toBe('soups');
    await expect(staff.category.create({ name: 'Other soups', slug: 'soups' })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { reason: 'SLUG_TAKEN' },
    });
    await makeProduct(orm, { category: await orm.em.fork().findOneOrFail(Category, soups.id) });
    expect((await staff.category.list()).find((c) => c.id === soups.id)?.productCount).toBe(1);
    await expect(staff.category.delete({ id: soups.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { reason: 'CATEGORY_IN_USE' },
    });
  });
});

describe('menu cache', () => {
  it('serves repeated reads from the cache and drops them on every write', async () => {
    const { manager, employee } = await makeCast(orm);
    const category = await makeCategory(orm);
    const deps = createTestDeps({ menuCache: createMemoryMenuCache() });
    const eater = await createTestCaller({ user: employee, deps });
    const list = async () => (await eater.product.list({ limit: 50, categoryId: category.id })).items.map((p) => p.name);
    expect(await list()).toEqual([]);
    // A write that bypasses the API is not seen until the cache is invalidated: proof the read is cached.
    await makeProduct(orm, { name: 'Sneaky', category });
    expect(await list()).toEqual([]);
    await (await createTestCaller({ user: manager, deps })).product.create({
      name: 'Announced',
      priceCents: 100,
      categoryId: category.id,
      allergens: [],
      dietaryTags: [],
    });
    expect(await list()).toEqual(['Announced', 'Sneaky']);
  });
});
