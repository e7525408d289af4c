import type { TRPCRouterRecord } from '@trpc/server';
import {
  KitchenLookupInputSchema,
  KitchenLookupSchema,
  KitchenQueueInputSchema,
  KitchenQueueSchema,
  KitchenTicketSchema,
  ProductionSheetInputSchema,
  ProductionSheetSchema,
  SetKitchenStatusInputSchema,
} from '@canteen/shared';
import { kitchenProcedure } from '../../trpc/init';
import * as kitchen from './kitchen.service';

export const kitchenRouter = {
  queue: kitchenProcedure
    .input(KitchenQueueInputSchema)
    .output(KitchenQueueSchema)
    .query(({ ctx }) => kitchen.getQueue(ctx)),
  lookup: kitchenProcedure
    .input(KitchenLookupInputSchema)
    .output(KitchenLookupSchema)
    .query(({ ctx, input }) => kitchen.lookUp(ctx, input.code)),
  setStatus: kitchenProcedure
    .input(SetKitchenStatusInputSchema)
    .output(KitchenTicketSchema)
    .mutation(({ ctx, input }) => kitchen.setStatus(ctx, input)),
  productionSheet: kitchenProcedure
    .input(ProductionSheetInputSchema)
    .output(ProductionSheetSchema)
    .query(({ ctx, input }) => kitchen.getProductionSheet(ctx, input.day)),
} satisfies TRPCRouterRecord;
