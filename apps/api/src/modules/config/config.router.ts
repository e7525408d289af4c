import type { TRPCRouterRecord } from '@trpc/server';
import { CanteenConfigSchema } from '@canteen/shared';
import { publicProcedure } from '../../trpc/init';

export const configRouter = {
  /** Public: the sign-in page shows the canteen's name, and money and dates are formatted before anyone signs in. */
  get: publicProcedure.output(CanteenConfigSchema).query(({ ctx }) => ctx.deps.canteen),
} satisfies TRPCRouterRecord;
