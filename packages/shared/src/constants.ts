/**
 * Plain constants of the contract, free of zod so the web app's first pages can import them without the schema
 * library (`@canteen/shared/constants`). The schemas in the other modules are built from these.
 */

/** `kitchen` stands beside the ranked three: the kitchen display and the counter, no wallet, no money, no people. */
export const ROLES = ['employee', 'manager', 'admin', 'kitchen'] as const;
export type Role = (typeof ROLES)[number];
/** The roles ranked employee < manager < admin (people who eat and pay, and their managers). */
export type RankedRole = Exclude<Role, 'kitchen'>;

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

/** `relevance`: best match first while searching (by name without a search). */
export const PRODUCT_SORTS = ['relevance', 'name', 'price_asc', 'price_desc', 'newest'] as const;

export const PAYER_KINDS = ['company', 'department', 'personal', 'promo'] as const;
export type PayerKind = (typeof PAYER_KINDS)[number];

export const MAX_ORDER_LINES = 30;
export const MAX_LINE_QUANTITY = 20;

/** The largest page a list procedure returns. */
export const MAX_PAGE_SIZE = 100;
/** The most calls one batched HTTP request may carry (the server refuses more; the client splits). */
/**
 * The menu's queries: one answer for everyone of a role, kept whole by the API (with an ETag) and sent by the web
 * app one per request, not in a batch, so the browser's cache can revalidate each (docs/PERFORMANCE.md).
 */
export const MENU_QUERY_PATHS: readonly string[] = ['product.list', 'product.counts', 'product.byId', 'category.list'];

export const MAX_BATCH_SIZE = 20;

/** Up to 100 000 EUR in cents: far above any canteen price, far below integer trouble. */
export const MAX_PRICE_CENTS = 10_000_000;
export const MAX_STOCK = 100_000;
/** The most one credit or adjustment may move, either way. */
export const MAX_CREDIT_CENTS = 10_000_000;
/** The most each person may get from one bulk credit. */
export const MAX_BULK_CREDIT_CENTS = 1_000_000;
/** Notes and reasons that show in a wallet's history. */
export const MAX_NOTE_LENGTH = 280;
export const MAX_PRODUCT_DESCRIPTION_LENGTH = 1000;
export const MAX_REVIEW_COMMENT_LENGTH = 1000;

/** Default ceiling of one order's total (EUR 1,000), configurable with ORDER_MAX_TOTAL_CENTS. */
export const DEFAULT_ORDER_MAX_TOTAL_CENTS = 100_000;
/** Default of what one manager may credit per day (EUR 200), configurable with MANAGER_DAILY_CREDIT_LIMIT_CENTS. */
export const DEFAULT_MANAGER_DAILY_CREDIT_LIMIT_CENTS = 20_000;

export const PAYMENT_PROVIDERS = ['sandbox', 'stripe'] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDERS)[number];
/** Defaults of the card top-up limits (configurable: TOP_UP_MIN_CENTS, TOP_UP_MAX_CENTS, TOP_UP_DAILY_LIMIT_CENTS). */
export const DEFAULT_TOP_UP_MIN_CENTS = 500;
export const DEFAULT_TOP_UP_MAX_CENTS = 20_000;
export const DEFAULT_TOP_UP_DAILY_LIMIT_CENTS = 50_000;
/** No configuration may allow one top-up above this (EUR 10,000). */
export const MAX_TOP_UP_CENTS = 1_000_000;

/** The languages Canteen speaks: the app's texts and the emails it sends. */
export const LANGUAGES = ['en', 'de'] as const;
