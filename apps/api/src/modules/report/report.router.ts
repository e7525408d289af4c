import type { TRPCRouterRecord } from '@trpc/server';
import { ReportRangeSchema, RevenueReportSchema, StatementInputSchema, StatementSchema } from '@canteen/shared';
import { managerProcedure } from '../../trpc/init';
import * as reports from './report.service';

export const reportRouter = {
  revenue: managerProcedure
    .input(ReportRangeSchema)
    .output(RevenueReportSchema)
    .query(({ ctx, input }) => reports.revenueReport(ctx, input)),
  statement: managerProcedure
    .input(StatementInputSchema)
    .output(StatementSchema)
    .query(({ ctx, input }) => reports.statement(ctx, input)),
} satisfies TRPCRouterRecord;
