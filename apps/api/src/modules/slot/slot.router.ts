import type { TRPCRouterRecord } from '@trpc/server';
import {
  OrderHorizonSchema,
  SetSlotDayInputSchema,
  SlotWeekSchema,
  SlotsOfDayInputSchema,
  SlotsOfDaySchema,
} from '@canteen/shared';
import { z } from 'zod';
import { adminProcedure, signedInProcedure } from '../../trpc/init';
import * as slots from './slot.service';

export const slotRouter = {
  week: signedInProcedure
    .input(z.object({}).strict().optional())
    .output(SlotWeekSchema)
    .query(({ ctx }) => slots.getWeek(ctx)),
  day: signedInProcedure
    .input(SlotsOfDayInputSchema)
    .output(SlotsOfDaySchema)
    .query(({ ctx, input }) => slots.getDay(ctx, input.day)),
  /** The days one may order for now, today first (`preorderDays` after it), and the cut-off time. */
  horizon: signedInProcedure
    .input(z.object({}).strict().optional())
    .output(OrderHorizonSchema)
    .query(({ ctx }) => slots.getHorizon(ctx)),
  setDay: adminProcedure
    .input(SetSlotDayInputSchema)
    .output(SlotWeekSchema)
    .mutation(({ ctx, input }) => slots.setDay(ctx, input)),
} satisfies TRPCRouterRecord;
