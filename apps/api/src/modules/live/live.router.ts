import type { TRPCRouterRecord } from '@trpc/server';
import { LiveEventsInputSchema } from '@canteen/shared';
import { signedInProcedure } from '../../trpc/init';
import { liveEvents } from './live.service';

export const liveRouter = {
  /** Server-sent events: the person's orders and balance, the menu's stock, and the kitchen's tickets when asked. */
  events: signedInProcedure.input(LiveEventsInputSchema).subscription(({ ctx, input, signal }) => liveEvents(ctx, input, signal)),
} satisfies TRPCRouterRecord;
