import type { TRPCRouterRecord } from '@trpc/server';
import { LiveEventsInputSchema, LiveTicketSchema } from '@canteen/shared';
import { signedInProcedure } from '../../trpc/init';
import { liveEvents, streamTicket } from './live.service';

export const liveRouter = {
  /** A one-minute ticket for `events`, so no access token travels in a stream's URL. */
  ticket: signedInProcedure.output(LiveTicketSchema).query(({ ctx }) => streamTicket(ctx)),
  /** Server-sent events: the person's orders and balance, the menu's stock, and the kitchen's tickets when asked. */
  events: signedInProcedure.input(LiveEventsInputSchema).subscription(({ ctx, input, signal }) => liveEvents(ctx, input, signal)),
} satisfies TRPCRouterRecord;
