import type { TRPCRouterRecord } from '@trpc/server';
import { KitchenQueueInputSchema, KitchenQueueSchema, KitchenTicketSchema, SetKitchenStatusInputSchema } from '@canteen/shared';
import { kitchenProcedure } from '../../trpc/init';
import * as kitchen from './kitchen.service';

export const kitchenRouter = {
  queue: kitchenProcedure
    .input(KitchenQueueInputSchema)
    .output(KitchenQueueSchema)
    .query(({ ctx }) => kitchen.getQueue(ctx)),
  setStatus: kitchenProcedure
    .input(SetKitchenStatusInputSchema)
    .output(KitchenTicketSchema)
    .mutation(({ ctx, input }) => kitchen.setStatus(ctx, input)),
} satisfies TRPCRouterRecord;
