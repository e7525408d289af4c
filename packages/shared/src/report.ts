import { z } from 'zod';
import { DateInputSchema, IdSchema } from './common';

/** A report's period: `from` inclusive, `to` exclusive, at most about a year and a half. */
export const ReportRangeSchema = z
  .object({ from: DateInputSchema, to: DateInputSchema, departmentId: IdSchema.optional() })
  .refine((range) => Date.parse(range.to) > Date.parse(range.from), { message: 'The end must be after the start', path: ['to'] })
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) <= 550 * 86_400_000, {
    message: 'Choose at most 18 months',
    path: ['to'],
  });
export type ReportRange = z.infer<typeof ReportRangeSchema>;

const RevenuePeriodSchema = z.object({ orders: z.number().int(), revenueCents: z.number().int() });
/** `report.revenue`: paid orders (refunded ones excluded) per day and per ISO week (UTC), with totals. */
export const RevenueReportSchema = z.object({
  totalCents: z.number().int(),
  orders: z.number().int(),
  averageBasketCents: z.number().int(),
  days: z.array(RevenuePeriodSchema.extend({ day: z.string() })),
  /** Weeks start on Monday; `week` is that Monday (`YYYY-MM-DD`), even when the range starts mid-week. */
  weeks: z.array(RevenuePeriodSchema.extend({ week: z.string() })),
});

/** The Monday (UTC) of the ISO week a `YYYY-MM-DD` day falls in. */
export const isoWeekStart = (day: string): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
};
export type RevenueReport = z.infer<typeof RevenueReportSchema>;

export const StatementInputSchema = z.object({
  userId: IdSchema,
  /** `YYYY-MM`, a calendar month in UTC. */
  month: z.string().regex(/^(20\d\d)-(0[1-9]|1[0-2])$/, 'Use YYYY-MM'),
});
export type StatementInput = z.infer<typeof StatementInputSchema>;

const StatementLineSchema = z.object({
  payerId: IdSchema,
  payerName: z.string(),
  openingCents: z.number().int(),
  /** Credits and card top-ups in, less adjustments that cancelled credits. */
  creditsCents: z.number().int(),
  /** Spent on orders and charges (negative). */
  spendsCents: z.number().int(),
  /** Given back by refunds. */
  refundsCents: z.number().int(),
  closingCents: z.number().int(),
});

/** `report.statement`: one person's month, per payer: what payroll needs. */
export const StatementSchema = z.object({
  userId: IdSchema,
  userName: z.string(),
  month: z.string(),
  openingCents: z.number().int(),
  closingCents: z.number().int(),
  byPayer: z.array(StatementLineSchema),
});
export type Statement = z.infer<typeof StatementSchema>;

export const TopDishesInputSchema = ReportRangeSchema.and(z.object({ limit: z.number().int().min(1).max(100).default(10) }));
export type TopDishesInput = z.infer<typeof TopDishesInputSchema>;
const SalesLineSchema = z.object({ quantity: z.number().int(), revenueCents: z.number().int() });
/** `report.topDishes`: the dishes sold most in the period (paid orders), by quantity. */
export const TopDishesSchema = z.array(
  SalesLineSchema.extend({ productId: IdSchema, productName: z.string(), categoryName: z.string() }),
);
/** `report.salesByCategory`: quantity and revenue per menu category. */
export const SalesByCategorySchema = z.array(SalesLineSchema.extend({ categoryId: IdSchema, categoryName: z.string() }));
/** `report.spendByDepartment`: what each department's people ordered (managers: their own department). */
export const SpendByDepartmentSchema = z.array(
  z.object({
    departmentId: IdSchema.nullable(),
    departmentName: z.string(),
    orders: z.number().int(),
    revenueCents: z.number().int(),
  }),
);
/** `report.funding`: how much each payer paid for what was eaten in the period (spends less refunds). */
export const FundingSchema = z.array(
  z.object({ payerId: IdSchema, payerName: z.string(), payerKind: z.string(), fundedCents: z.number().int() }),
);
