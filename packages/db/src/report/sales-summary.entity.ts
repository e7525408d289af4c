import { defineEntity, p } from '@mikro-orm/core';

/**
 * Daily sales summaries that the reports read instead of scanning a million orders. The database keeps them:
 * statement-level triggers on `canteen_order`, `order_line` and `wallet_entry` (migration
 * `Migration20261205190000`) add each order, line and spend or refund in the same transaction that writes it,
 * and take a refunded order back out, so a summary can never disagree with the ledger
 * (docs/adr/0009-report-summaries.md). The application never writes these tables.
 *
 * `day` is the UTC day of the order (`created_at`) or ledger entry (`occurred_at`). `departmentId` is the eater's
 * department when the order was placed (`Order.departmentId`), `NO_DEPARTMENT` for people without one and, in
 * `ProductSalesDay` only, `ALL_DEPARTMENTS` for the whole company's row, so a company-wide report reads one row
 * per dish and day instead of one per department.
 */
export const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';
export const ALL_DEPARTMENTS = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/** Paid orders and their revenue per department and day (refunded orders taken back out). */
export const SalesDaySchema = defineEntity({
  name: 'SalesDay',
  tableName: 'report_sales_day',
  properties: {
    departmentId: p.uuid().primary(),
    day: p.date().primary(),
    orders: p.integer(),
    revenueCents: p.bigint('number'),
  },
});
export class SalesDay extends SalesDaySchema.class {}
SalesDaySchema.setClass(SalesDay);

/** Quantity and revenue per dish, department (and the whole company) and day, from the lines of paid orders. */
export const ProductSalesDaySchema = defineEntity({
  name: 'ProductSalesDay',
  tableName: 'report_product_sales_day',
  properties: {
    departmentId: p.uuid().primary(),
    day: p.date().primary(),
    productId: p.uuid().primary(),
    quantity: p.integer(),
    revenueCents: p.bigint('number'),
  },
});
export class ProductSalesDay extends ProductSalesDaySchema.class {}
ProductSalesDaySchema.setClass(ProductSalesDay);

/**
 * The same per calendar month (UTC): a year of the whole company's dish sales is twelve rows per dish instead of
 * 365, so the top dishes of a year read a few thousand rows.
 */
export const ProductSalesMonthSchema = defineEntity({
  name: 'ProductSalesMonth',
  tableName: 'report_product_sales_month',
  properties: {
    departmentId: p.uuid().primary(),
    month: p.date().primary(),
    productId: p.uuid().primary(),
    quantity: p.integer(),
    revenueCents: p.bigint('number'),
  },
});
export class ProductSalesMonth extends ProductSalesMonthSchema.class {}
ProductSalesMonthSchema.setClass(ProductSalesMonth);

/** What each payer paid for meals per department and day: spends (negative) plus refunds (positive). */
export const FundingDaySchema = defineEntity({
  name: 'FundingDay',
  tableName: 'report_funding_day',
  properties: {
    departmentId: p.uuid().primary(),
    day: p.date().primary(),
    payerId: p.uuid().primary(),
    netCents: p.bigint('number'),
  },
});
export class FundingDay extends FundingDaySchema.class {}
FundingDaySchema.setClass(FundingDay);

/**
 * Each person's ledger per payer and calendar month (UTC): credits (credits, top-ups, adjustments), spends and
 * refunds. Opening balance of a month = everything before it; the monthly statements and the payroll CSV read
 * this instead of every entry since the person joined.
 */
export const WalletMonthSchema = defineEntity({
  name: 'WalletMonth',
  tableName: 'report_wallet_month',
  properties: {
    userId: p.uuid().primary(),
    payerId: p.uuid().primary(),
    month: p.date().primary(),
    creditsCents: p.bigint('number'),
    spendsCents: p.bigint('number'),
    refundsCents: p.bigint('number'),
  },
  // The payroll reads everyone's months since the one it reports.
  indexes: [{ properties: ['month'] }],
});
export class WalletMonth extends WalletMonthSchema.class {}
WalletMonthSchema.setClass(WalletMonth);
