import { isoWeekStart } from '@canteen/shared';
import { useQueries, useQuery } from '@tanstack/react-query';
import { canteenToday } from './canteen-config';
import { candidateDays, orderableDaysOf, plannedDishesOf } from './pickup';
import { trpc } from './trpc';

/** How far ahead one may order is an admin's setting that rarely changes: asked again every few minutes. */
const HORIZON_STALE_MS = 5 * 60_000;

/**
 * The days one may order for, today first. How far ahead is an admin's setting that only admins may read, so the
 * web asks `slot.day` about every day any setting could allow (one batched request) and keeps those the API calls
 * orderable. `dayOf` turns a day asked for (the address, the cart) into one of them, today when it is none.
 */
export const usePickupDays = () => {
  const today = canteenToday();
  const candidates = candidateDays(today);
  const answers = useQueries({
    queries: candidates.map((day) => ({ ...trpc.slot.day.queryOptions({ day }), staleTime: HORIZON_STALE_MS })),
  });
  const isPending = answers.some((answer) => answer.isPending);
  const days = orderableDaysOf(
    candidates,
    answers.map((answer) => answer.data),
  );
  // Until the API has answered, a day asked for is taken on trust (no flash of today); it answers in one request.
  const allowed = isPending ? candidates : days;
  return {
    today,
    days,
    isPending,
    dayOf: (asked: string | null | undefined): string => (asked && allowed.includes(asked) ? asked : today),
  };
};

/** The daily dishes of a day's published plan, by dish id; undefined until the plan has been read. */
export const useDayPlan = (day: string) => {
  const week = useQuery(trpc.plan.week.queryOptions({ day: isoWeekStart(day) }));
  return { planned: week.data ? plannedDishesOf(week.data, day) : undefined, query: week };
};
