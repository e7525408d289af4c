import { z } from 'zod';
import { IdSchema, IsoDateSchema, PageInputSchema, TextSchema, pageOf } from './common';
import { OptionGroupSchema, OptionGroupsInputSchema } from './options';
import { DaySchema } from './schedule';
import { ALLERGENS, DIETARY_TAGS, MAX_PRICE_CENTS, MAX_PRODUCT_DESCRIPTION_LENGTH, MAX_STOCK, PRODUCT_SORTS } from './constants';

export const AllergenSchema = z.enum(ALLERGENS);

export const DietaryTagSchema = z.enum(DIETARY_TAGS);

export const CentsSchema = z.number().int().min(0).max(MAX_PRICE_CENTS);
export const PositiveCentsSchema = z.number().int().min(1).max(MAX_PRICE_CENTS);
/** How many are on the shelf. */
export const StockCountSchema = z.number().int().min(0).max(MAX_STOCK);

export const ProductDtoSchema = z.object({
  id: IdSchema,
  name: z.string(),
  description: z.string(),
  priceCents: z.number().int(),
  categoryId: IdSchema,
  categoryName: z.string(),
  allergens: z.array(AllergenSchema),
  dietaryTags: z.array(DietaryTagSchema),
  /** null: stock is not tracked. */
  stock: z.number().int().nullable(),
  isActive: z.boolean(),
  /** A daily dish: served on the days of the menu plan that list it, with that day's quantity. */
  isScheduled: z.boolean(),
  /** Choices on the dish (sides, extras), with what each adds to the price and its allergens. */
  optionGroups: z.array(OptionGroupSchema),
  /**
   * A daily dish on the menu of the day asked for (`day`): its badges for that day. Its `stock` is then what is
   * left of that day's planned quantity (null: no limit). Null for everyday dishes and when no day was asked for.
   */
  plan: z.object({ isNew: z.boolean(), isChefsChoice: z.boolean() }).nullable(),
  ratingAverage: z.number().nullable(),
  ratingCount: z.number().int(),
  updatedAt: IsoDateSchema,
});
export type ProductDto = z.infer<typeof ProductDtoSchema>;
export const ProductPageSchema = pageOf(ProductDtoSchema);

/** What narrows the menu; the list and the counts take the same filters. */
const ProductFiltersSchema = z.object({
  /** Accent-insensitive, inside words, typo-tolerant (docs/adr/0012-search.md). */
  search: TextSchema.trim().max(100).optional(),
  /** Every listed tag must apply. */
  dietaryTags: z.array(DietaryTagSchema).max(DIETARY_TAGS.length).optional(),
  /** None of these allergens may be present: in the dish, and in some choice of each group it requires. */
  freeFrom: z.array(AllergenSchema).max(ALLERGENS.length).optional(),
  minPriceCents: CentsSchema.optional(),
  maxPriceCents: CentsSchema.optional(),
  /** Managers only: include archived products. */
  includeArchived: z.boolean().optional(),
  /** The menu of a day: daily dishes only when that day's published plan lists them. Without it, every dish. */
  day: DaySchema.optional(),
  /** Only daily dishes (true: the planning page's picker) or only everyday ones (false). */
  isScheduled: z.boolean().optional(),
});
export type ProductFilters = z.infer<typeof ProductFiltersSchema>;

export const ProductListInputSchema = PageInputSchema.extend(ProductFiltersSchema.shape).extend({
  categoryId: IdSchema.optional(),
  sort: z.enum(PRODUCT_SORTS).default('name'),
});
export type ProductListInput = z.infer<typeof ProductListInputSchema>;

/** How many dishes match the filters, in all and per category: the menu's "24 of 80" and its tab counts. */
export const ProductCountsInputSchema = ProductFiltersSchema;
export const ProductCountsSchema = z.object({
  total: z.number().int(),
  byCategory: z.array(z.object({ categoryId: IdSchema, count: z.number().int() })),
});
export type ProductCounts = z.infer<typeof ProductCountsSchema>;

const ProductFieldsSchema = z.object({
  name: TextSchema.trim().min(1).max(120),
  description: TextSchema.trim().max(MAX_PRODUCT_DESCRIPTION_LENGTH).default(''),
  priceCents: PositiveCentsSchema,
  categoryId: IdSchema,
  allergens: z
    .array(AllergenSchema)
    .max(ALLERGENS.length)
    .transform((list) => [...new Set(list)]),
  dietaryTags: z
    .array(DietaryTagSchema)
    .max(DIETARY_TAGS.length)
    .transform((list) => [...new Set(list)]),
  stock: StockCountSchema.nullable().optional(),
  /** A daily dish (on the menu plan's days) rather than one served every day. */
  isScheduled: z.boolean().optional(),
  /** The whole list of option groups (replaces the dish's); options left out are no longer offered. */
  optionGroups: OptionGroupsInputSchema.optional(),
});
export const CreateProductInputSchema = ProductFieldsSchema;
export type CreateProductInput = z.infer<typeof CreateProductInputSchema>;
export const UpdateProductInputSchema = ProductFieldsSchema.partial().extend({ id: IdSchema, isActive: z.boolean().optional() });
export type UpdateProductInput = z.infer<typeof UpdateProductInputSchema>;

/** Relative change (delivery +24, waste -3) or an absolute count after a stocktake; null stops tracking. */
export const AdjustStockInputSchema = z.union([
  z.object({
    id: IdSchema,
    delta: z
      .number()
      .int()
      .min(-MAX_STOCK)
      .max(MAX_STOCK)
      .refine((n) => n !== 0, 'Change by at least one'),
  }),
  z.object({ id: IdSchema, set: StockCountSchema.nullable() }),
]);
export type AdjustStockInput = z.infer<typeof AdjustStockInputSchema>;

/** Pins a dish to the top of the caller's menu, or unpins it; asking twice changes nothing. */
export const SetFavouriteInputSchema = z.object({ id: IdSchema, isFavourite: z.boolean() });
