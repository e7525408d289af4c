import type { PlanDay, PlanDish } from '@canteen/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ChefHat, Pencil, Plus, Sparkles, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Badge } from '../../components/badge';
import { Button, IconButton } from '../../components/button';
import { errorMessage } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { cn } from '../../lib/utils';
import { planDayName } from './plan-week';

type PlanDayCardProps = {
  planDay: PlanDay;
  isToday: boolean;
  onAdd: () => void;
  onEdit: (dish: PlanDish) => void;
};

/** One day of the plan: its state, its dishes with what is planned and sold, and adding one. */
export const PlanDayCard = ({ planDay, isToday, onAdd, onEdit }: PlanDayCardProps) => {
  const { t } = useTranslation('plan');
  const { day, dishes, publishedAt } = planDay;
  const headingId = `plan-day-${day}`;
  const dayName = planDayName(day, 'full');
  return (
    <section
      aria-labelledby={headingId}
      data-testid={`plan-day-${day}`}
      className={cn(
        'flex min-w-0 flex-col rounded-xl border bg-white shadow-xs',
        isToday ? 'border-emerald-600 ring-1 ring-emerald-600' : 'border-zinc-200',
      )}
    >
      <div className="flex items-start justify-between gap-2 border-b border-zinc-100 px-4 py-3 xl:flex-col xl:gap-1.5 xl:px-2.5">
        <h2 id={headingId} className="leading-tight">
          <span className="block text-sm font-semibold text-zinc-900">{planDayName(day, 'weekday')}</span>{' '}
          <span className="block text-xs text-zinc-600">
            {planDayName(day, 'date')}
            {isToday ? <span className="font-medium text-emerald-800"> · {t('day.today')}</span> : null}
          </span>
        </h2>
        {publishedAt ? (
          <Badge tone="green">{t('day.published')}</Badge>
        ) : dishes.length > 0 ? (
          <Badge>{t('day.draft')}</Badge>
        ) : null}
      </div>
      {dishes.length > 0 ? (
        <ul aria-label={t('day.dishes', { day: dayName })} className="divide-y divide-zinc-100">
          {dishes.map((dish) => (
            <PlanDishItem key={dish.productId} day={day} dish={dish} onEdit={() => onEdit(dish)} />
          ))}
        </ul>
      ) : (
        <p className="px-4 py-3 text-sm text-zinc-600 xl:px-2.5">{t('day.nothingPlanned')}</p>
      )}
      <div className="px-4 pt-1 pb-3 xl:px-2.5">
        <Button
          variant="secondary"
          size="sm"
          // Seven days side by side leave little room: a longer label wraps instead of spilling out.
          className="h-auto min-h-8 w-full gap-1.5 py-1.5 leading-tight whitespace-normal xl:px-2"
          aria-label={t('day.addTo', { day: dayName })}
          onClick={onAdd}
        >
          <Plus aria-hidden />
          {t('day.add')}
        </Button>
      </div>
    </section>
  );
};

type PlanDishItemProps = { day: string; dish: PlanDish; onEdit: () => void };

const PlanDishItem = ({ day, dish, onEdit }: PlanDishItemProps) => {
  const { t } = useTranslation('plan');
  const queryClient = useQueryClient();
  const dayName = planDayName(day, 'full');
  const names = { dish: dish.name, day: dayName };
  const setDish = useMutation(
    trpc.plan.setDish.mutationOptions({
      onSuccess: (week) => queryClient.setQueryData(trpc.plan.week.queryKey({ day: week.weekStart }), week),
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  // Taking a dish off is one click, so the message offers to put it back as it was.
  const remove = useMutation(
    trpc.plan.removeDish.mutationOptions({
      onSuccess: (week) => {
        queryClient.setQueryData(trpc.plan.week.queryKey({ day: week.weekStart }), week);
        toast.success(t('toast.removed', names), {
          action: {
            label: t('toast.undo'),
            onClick: () =>
              setDish.mutate({
                day,
                productId: dish.productId,
                plannedQuantity: dish.plannedQuantity,
                isNew: dish.isNew,
                isChefsChoice: dish.isChefsChoice,
              }),
          },
        });
      },
      // Ordered since the plan was read: say so, and show what has been sold.
      onError: async (error) => {
        toast.error(errorMessage(error, { IN_USE: t('errors.removeOrdered') }));
        await queryClient.invalidateQueries(trpc.plan.week.pathFilter());
      },
    }),
  );
  const blockedId = `plan-remove-blocked-${day}-${dish.productId}`;
  const blocked = t('dish.removeBlocked', { count: dish.sold, number: formatNumber(dish.sold) });

  return (
    // On a phone the actions sit beside the name; in the narrow columns of a desktop week, under the dish.
    <li className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-2 gap-y-1.5 px-4 py-3 xl:grid-cols-[minmax(0,1fr)] xl:px-2.5">
      <p className={cn('text-sm font-medium break-words', dish.isActive ? 'text-zinc-900' : 'text-zinc-600')}>{dish.name}</p>
      <span className="-mt-1 -mr-1.5 flex self-start row-span-3 xl:order-last xl:row-span-1 xl:mt-0 xl:justify-self-end">
        <IconButton icon={Pencil} label={t('dish.edit', names)} onClick={onEdit} />
        {dish.sold > 0 ? (
          // The API refuses to take an ordered dish off its day: no red button, and the reason instead.
          <span title={blocked} className="inline-flex">
            <IconButton icon={Trash2} label={t('dish.remove', names)} aria-describedby={blockedId} disabled />
            <span id={blockedId} className="sr-only">
              {blocked}
            </span>
          </span>
        ) : (
          <IconButton
            icon={Trash2}
            label={t('dish.remove', names)}
            className="text-red-700 hover:bg-red-50 hover:text-red-800"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ day, productId: dish.productId })}
          />
        )}
      </span>
      <p className="text-xs text-zinc-600 tabular-nums">
        {dish.plannedQuantity === null ? t('dish.noLimit') : t('dish.planned', { number: formatNumber(dish.plannedQuantity) })}
        {' · '}
        {t('dish.sold', { number: formatNumber(dish.sold) })}
      </p>
      {dish.isNew || dish.isChefsChoice || !dish.isActive ? (
        <div className="flex flex-wrap items-center gap-1">
          {dish.isNew ? (
            <Badge tone="blue" className="whitespace-normal">
              <Sparkles aria-hidden className="size-3 xl:hidden" />
              {t('dish.isNew')}
            </Badge>
          ) : null}
          {dish.isChefsChoice ? (
            <Badge tone="amber" className="whitespace-normal">
              <ChefHat aria-hidden className="size-3 xl:hidden" />
              {t('dish.isChefsChoice')}
            </Badge>
          ) : null}
          {dish.isActive ? null : <Badge>{t('dish.archived')}</Badge>}
        </div>
      ) : null}
    </li>
  );
};
