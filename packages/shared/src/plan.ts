import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common';
import { AllergenSchema, DietaryTagSchema } from './product';
import { DaySchema } from './schedule';

/** A scheduled dish on a day of the menu plan. `left` is null when the plan sets no quantity (as many as ordered). */
export const PlanDishSchema = z.object({
  productId: IdSchema,
  name: z.string(),
  priceCents: z.number().int(),
  allergens: z.array(AllergenSchema),
  dietaryTags: z.array(DietaryTagSchema),
  isActive: z.boolean(),
  plannedQuantity: z.number().int().nullable(),
  sold: z.number().int(),
  left: z.number().int().nullable(),
  isNew: z.boolean(),
  isChefsChoice: z.boolean(),
});
export type PlanDish = z.infer<typeof PlanDishSchema>;

export const PlanDaySchema = z.object({
  day: DaySchema,
  publishedAt: IsoDateSchema.nullable(),
  dishes: z.array(PlanDishSchema),
});
export type PlanDay = z.infer<typeof PlanDaySchema>;

/** Seven days from a Monday. Employees see published days only; managers the drafts as well. */
export const PlanWeekSchema = z.object({ weekStart: DaySchema, days: z.array(PlanDaySchema) });
export type PlanWeek = z.infer<typeof PlanWeekSchema>;

/** Any day of the week wanted (its Monday is used). */
export const PlanWeekInputSchema = z.object({ day: DaySchema });

export const MAX_PLANNED_QUANTITY = 100_000;

/** Puts a dish on a day (or changes it there): its planned quantity (null: no limit) and its badges. */
export const SetPlanDishInputSchema = z.object({
  day: DaySchema,
  productId: IdSchema,
  plannedQuantity: z.number().int().min(0).max(MAX_PLANNED_QUANTITY).nullable(),
  isNew: z.boolean().optional(),
  isChefsChoice: z.boolean().optional(),
});
export type SetPlanDishInput = z.infer<typeof SetPlanDishInputSchema>;

export const RemovePlanDishInputSchema = z.object({ day: DaySchema, productId: IdSchema });

/** Copies the dishes of the week of `from` onto the week of `to` (its unpublished days; quantities and badges). */
export const CopyPlanWeekInputSchema = z.object({ from: DaySchema, to: DaySchema });

/** Publishes (or takes back) every day of a week that has dishes. */
export const PublishPlanWeekInputSchema = z.object({ day: DaySchema, isPublished: z.boolean() });
