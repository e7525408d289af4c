import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { CreatePayerInputSchema, PayerDtoSchema } from '@canteen/shared';
import { adminProcedure, protectedProcedure } from '../../trpc/init';
import * as payers from './payer.service';

export const payerRouter = {
  list: protectedProcedure.output(z.array(PayerDtoSchema)).query(({ ctx }) => payers.listPayers(ctx)),
  create: adminProcedure
    .input(CreatePayerInputSchema)
    .output(PayerDtoSchema)
    .mutation(({ ctx, input }) => payers.createPayer(ctx, input)),
} satisfies TRPCRouterRecord;
