import type { TRPCRouterRecord } from '@trpc/server';
import {
  CopyPlanWeekInputSchema,
  PlanWeekInputSchema,
  PlanWeekSchema,
  PublishPlanWeekInputSchema,
  RemovePlanDishInputSchema,
  SetPlanDishInputSchema,
} from '@canteen/shared';
import { managerProcedure, signedInProcedure } from '../../trpc/init';
import * as plan from './plan.service';

export const planRouter = {
  week: signedInProcedure
    .input(PlanWeekInputSchema)
    .output(PlanWeekSchema)
    .query(({ ctx, input }) => plan.getWeek(ctx, input.day)),
  setDish: managerProcedure
    .input(SetPlanDishInputSchema)
    .output(PlanWeekSchema)
    .mutation(({ ctx, input }) => plan.setDish(ctx, input)),
  removeDish: managerProcedure
    .input(RemovePlanDishInputSchema)
    .output(PlanWeekSchema)
    .mutation(({ ctx, input }) => plan.removeDish(ctx, input)),
  copyWeek: managerProcedure
    .input(CopyPlanWeekInputSchema)
    .output(PlanWeekSchema)
    .mutation(({ ctx, input }) => plan.copyWeek(ctx, input)),
  publish: managerProcedure
    .input(PublishPlanWeekInputSchema)
    .output(PlanWeekSchema)
    .mutation(({ ctx, input }) => plan.publishWeek(ctx, input)),
} satisfies TRPCRouterRecord;
