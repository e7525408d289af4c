import { defineEntity, p } from '@mikro-orm/core';
import type { Allergen, DietaryTag, OptionGroup } from '@canteen/shared';
import { baseProperties } from '../common/base';
import { Category } from './category.entity';

export const ProductSchema = defineEntity({
  name: 'Product',
  properties: {
    ...baseProperties,
    name: p.string().length(120),
    description: p.text().default(''),
    priceCents: p.integer().check('price_cents > 0'),
    category: () => p.manyToOne(Category).ref().deleteRule('restrict'),
    allergens: p.array<Allergen>().default([]),
    dietaryTags: p.array<DietaryTag>().default([]),
    /** null: not tracked. The check is the last line of defence against overselling. */
    stock: p.integer().nullable().check('stock >= 0'),
    isActive: p.boolean().default(true),
    /**
     * Scheduled dishes are served on the days of the menu plan that list them (their stock is per day there);
     * the others (drinks, snacks) every day, from `stock`.
     */
    isScheduled: p.boolean().default(false),
    /** Choices on the dish (sides, extras): groups of options with their prices and allergens (`@canteen/shared` options.ts). */
    optionGroups: p
      .json<OptionGroup[]>()
      .defaultRaw(`'[]'`)
      .onCreate(() => []),
    ratingCount: p.integer().default(0),
    ratingSum: p.integer().default(0),
    /** Name and description folded for search (lower case, no accents), kept by PostgreSQL itself (search.ts). */
    searchText: p
      .string()
      .columnType('text')
      .generated("(canteen_fold(((name)::text || ' ') || description)) stored")
      .nullable()
      .lazy()
      .hidden(),
  },
  indexes: [
    {
      name: 'product_search_text_trgm',
      expression: 'create index "product_search_text_trgm" on "product" using gin ("search_text" gin_trgm_ops)',
    },
    { properties: ['dietaryTags'], type: 'gin' },
    { properties: ['category', 'name'] },
    { properties: ['isActive', 'name'] },
  ],
});

export class Product extends ProductSchema.class {
  ratingAverage(): number | null {
    return this.ratingCount > 0 ? Math.round((this.ratingSum / this.ratingCount) * 10) / 10 : null;
  }
}
ProductSchema.setClass(Product);
