import type { TRPCRouterRecord } from '@trpc/server';
import {
  FundingSchema,
  ReportRangeSchema,
  RevenueReportSchema,
  SalesByCategorySchema,
  SpendByDepartmentSchema,
  StatementInputSchema,
  StatementSchema,
  TopDishesInputSchema,
  TopDishesSchema,
} from '@canteen/shared';
import { managerProcedure } from '../../trpc/init';
import * as reports from './report.service';

export const reportRouter = {
  revenue: managerProcedure
    .input(ReportRangeSchema)
    .output(RevenueReportSchema)
    .query(({ ctx, input }) => reports.revenueReport(ctx, input)),
  topDishes: managerProcedure
    .input(TopDishesInputSchema)
    .output(TopDishesSchema)
    .query(({ ctx, input }) => reports.topDishes(ctx, input)),
  salesByCategory: managerProcedure
    .input(ReportRangeSchema)
    .output(SalesByCategorySchema)
    .query(({ ctx, input }) => reports.salesByCategory(ctx, input)),
  spendByDepartment: managerProcedure
    .input(ReportRangeSchema)
    .output(SpendByDepartmentSchema)
    .query(({ ctx, input }) => reports.spendByDepartment(ctx, input)),
  funding: managerProcedure
    .input(ReportRangeSchema)
    .output(FundingSchema)
    .query(({ ctx, input }) => reports.funding(ctx, input)),
  statement: managerProcedure
    .input(StatementInputSchema)
    .output(StatementSchema)
    .query(({ ctx, input }) => reports.statement(ctx, input)),
} satisfies TRPCRouterRecord;
