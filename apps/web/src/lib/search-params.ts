import {
  AuditListInputSchema,
  CreateTopUpInputSchema,
  ALLERGENS,
  type Allergen,
  DIETARY_TAGS,
  type DietaryTag,
  IdSchema,
  ORDER_STATUSES,
  PRODUCT_SORTS,
  ProductListInputSchema,
  ResetPasswordInputSchema,
  StatementInputSchema,
} from '@canteen/shared';
import { z } from 'zod';
import { AUDIT_ENTITIES } from './audit-entities';

/**
 * The search params of the routes that take any, as zod schemas (TanStack Router reads them as Standard
 * Schemas). Anything else in the address falls back to "not given" instead of failing the route.
 */
export const LoginSearchSchema = z.object({ redirect: z.string().optional().catch(undefined) });

/** A token the API would refuse is as good as none: the page says the link is incomplete. */
/** An email's unsubscribe link (`/unsubscribe?token=…`). */
export const UnsubscribeSearchSchema = z.object({
  token: z.string().min(20).max(600).optional().catch(undefined),
});

export const ResetPasswordSearchSchema = z.object({
  token: ResetPasswordInputSchema.shape.token.optional().catch(undefined),
});

/** A calendar day as an <input type="date"> gives it (`YYYY-MM-DD`), within the years the API takes dates for. */
const DaySchema = z.iso.date().refine((day) => day >= '2000-01-01' && day < '2100-01-01');

/**
 * The menu's state (`/menu?day=2026-12-08&category=<id>&q=curry&diet=["vegan"]&free=["milk"]&sort=price_asc`): Back
 * and a shared link show the same dishes. Unknown tags and allergens are dropped rather than failing the page; a
 * day one may not order for shows today.
 */
export const MenuSearchSchema = z.object({
  day: DaySchema.optional().catch(undefined),
  category: IdSchema.optional().catch(undefined),
  q: ProductListInputSchema.shape.search.unwrap().min(1).optional().catch(undefined),
  diet: z
    .array(z.string())
    .transform((tags) => tags.filter((tag): tag is DietaryTag => (DIETARY_TAGS as readonly string[]).includes(tag)))
    .optional()
    .catch(undefined),
  free: z
    .array(z.string())
    .transform((list) => list.filter((item): item is Allergen => (ALLERGENS as readonly string[]).includes(item)))
    .optional()
    .catch(undefined),
  sort: z.enum(PRODUCT_SORTS).optional().catch(undefined),
});
export type MenuSearch = z.infer<typeof MenuSearchSchema>;

/** A person's orders (`/orders?q=soup&status=refunded&from=2026-12-01&to=2026-12-06`), days in the canteen's zone. */
export const OrdersSearchSchema = z.object({
  q: ProductListInputSchema.shape.search.unwrap().min(1).optional().catch(undefined),
  status: z.enum(ORDER_STATUSES).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});
export type OrdersSearch = z.infer<typeof OrdersSearchSchema>;

/** The menu plan's week (`/plan?week=2026-06-08`): any day of it; this week when left out or not a day. */
export const PlanSearchSchema = z.object({ week: DaySchema.optional().catch(undefined) });

/** `?placed=true` after checkout. */
/** `?day=2026-12-08`: the production sheet's day (today when left out). */
export const ProductionSheetSearchSchema = z.object({ day: DaySchema.optional().catch(undefined) });

export const ReceiptSearchSchema = z.object({ placed: z.literal([true, 'true']).optional().catch(undefined) });

/** `?topUp=true` opens the wallet's top-up dialog, with `amount` (cents) filled in: "Try again" after a decline. */
export const WalletSearchSchema = z.object({
  topUp: z.literal([true, 'true']).optional().catch(undefined),
  amount: CreateTopUpInputSchema.shape.amountCents.optional().catch(undefined),
});

/** The top-up the person comes back from (`/top-up/return?payment=<id>`); anything else is no top-up. */
export const TopUpReturnSearchSchema = z.object({
  payment: IdSchema.optional().catch(undefined),
  /** Set by the checkout's "Cancel" link: the person gave up, so the page ends the pending payment. */
  cancelled: z.coerce.number().pipe(z.literal(1)).optional().catch(undefined),
});

/** Text a filter sends as the API takes it; nothing typed is no filter. */
const FilterTextSchema = AuditListInputSchema.shape.action.unwrap().min(1).optional();

/**
 * The audit log's filters (`/admin/audit?actor=<id>&entity=User&action=wallet.&about=<id>&from=…&to=…`), so Back
 * and a shared link show the same entries. `about` is the id of what the entries are about (a person's history).
 */
export const AuditSearchSchema = z.object({
  actor: IdSchema.optional().catch(undefined),
  entity: z.enum(AUDIT_ENTITIES).optional().catch(undefined),
  action: FilterTextSchema.catch(undefined),
  about: FilterTextSchema.catch(undefined),
  from: DaySchema.optional().catch(undefined),
  to: DaySchema.optional().catch(undefined),
});
export type AuditSearch = z.infer<typeof AuditSearchSchema>;

/** The periods the Reports page offers; `custom` takes its first and last day from `from`/`to`. */
export const RANGE_PRESETS = ['this-month', 'last-month', 'last-7-days', 'last-30-days', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const REPORT_TABS = ['overview', 'orders', 'statements'] as const;
export type ReportTab = (typeof REPORT_TABS)[number];
const MonthSchema = StatementInputSchema.shape.month;

/**
 * Reports (`/reports`): the tab, the period (a preset, or `range=custom` with `from`/`to` days, both included), an
 * admin's department, revenue per day or week (`by`), and the month of the statements tab.
 */
export const ReportsSearchSchema = z.object({
  tab: z.enum(REPORT_TABS).optional().catch(undefined),
  range: z.enum(RANGE_PRESETS).optional().catch(undefined),
  from: DaySchema.optional().catch(undefined),
  to: DaySchema.optional().catch(undefined),
  departmentId: IdSchema.optional().catch(undefined),
  by: z.enum(['day', 'week']).optional().catch(undefined),
  month: MonthSchema.optional().catch(undefined),
});
export type ReportsSearch = z.infer<typeof ReportsSearchSchema>;

/** One person's monthly statement (`/reports/statement?userId=…&month=YYYY-MM`); other pages link to exactly this. */
export const StatementSearchSchema = z.object({
  userId: IdSchema.optional().catch(undefined),
  month: MonthSchema.optional().catch(undefined),
});
