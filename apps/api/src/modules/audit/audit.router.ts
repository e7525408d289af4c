import type { TRPCRouterRecord } from '@trpc/server';
import { AuditListInputSchema, AuditPageSchema } from '@canteen/shared';
import { adminProcedure } from '../../trpc/init';
import { listAuditEntries } from './audit.service';

export const auditRouter = {
  list: adminProcedure
    .input(AuditListInputSchema)
    .output(AuditPageSchema)
    .query(({ ctx, input }) => listAuditEntries(ctx, input)),
} satisfies TRPCRouterRecord;
