/**
 * Plain constants of the contract, free of zod so the web app's first pages can import them without the schema
 * library (`@canteen/shared/constants`). The schemas in the other modules are built from these.
 */

export const ROLES = ['employee', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The 14 allergens EU Regulation 1169/2011 requires a canteen to declare. */
export const ALLERGENS = [
  'celery',
  'gluten',
  'crustaceans',
  'eggs',
  'fish',
  'lupin',
  'milk',
  'molluscs',
  'mustard',
  'nuts',
  'peanuts',
  'sesame',
  'soy',
  'sulphites',
] as const;
export type Allergen = (typeof ALLERGENS)[number];

export const DIETARY_TAGS = ['vegan', 'vegetarian', 'pescatarian', 'gluten_free', 'dairy_free', 'halal', 'spicy'] as const;
export type DietaryTag = (typeof DIETARY_TAGS)[number];

export const PRODUCT_SORTS = ['name', 'price_asc', 'price_desc', 'newest'] as const;

export const MAX_ORDER_LINES = 30;
export const MAX_LINE_QUANTITY = 20;

/** Default ceiling of one order's total (EUR 1,000), configurable with ORDER_MAX_TOTAL_CENTS. */
export const DEFAULT_ORDER_MAX_TOTAL_CENTS = 100_000;
