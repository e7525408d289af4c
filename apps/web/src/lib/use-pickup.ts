import { isoWeekStart } from '@canteen/shared';
import { useQuery } from '@tanstack/react-query';
import { canteenToday } from './canteen-config';
import { candidateDays, orderableDaysFrom, plannedDishesOf } from './pickup';
import { trpc } from './trpc';

/** How far ahead one may order is an admin's setting that rarely changes: asked again every few minutes. */
const HORIZON_STALE_MS = 5 * 60_000;

/**
 * The days one may order for, today first (`slot.horizon`: today and the next `preorderDays`, an admin's setting).
 * `dayOf` turns a day asked for (the address, the cart) into one of them, today when it is none.
 */
export const usePickupDays = () => {
  const today = canteenToday();
  const horizon = useQuery({ ...trpc.slot.horizon.queryOptions(), staleTime: HORIZON_STALE_MS });
  const days = orderableDaysFrom(today, horizon.data?.days);
  // Until the API has answered, a day asked for is taken on trust (no flash of today).
  const allowed = horizon.isPending ? candidateDays(today) : days;
  return {
    today,
    days,
    isPending: horizon.isPending,
    dayOf: (asked: string | null | undefined): string => (asked && allowed.includes(asked) ? asked : today),
  };
};

/** The daily dishes of a day's published plan, by dish id; undefined until the plan has been read. */
export const useDayPlan = (day: string) => {
  const week = useQuery(trpc.plan.week.queryOptions({ day: isoWeekStart(day) }));
  return { planned: week.data ? plannedDishesOf(week.data, day) : undefined, query: week };
};
