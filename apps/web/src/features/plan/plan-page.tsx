import type { PlanDish, PlanWeek } from '@canteen/shared';
import { addDays } from '@canteen/shared/calendar';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { CalendarCheck, CalendarX, ChevronLeft, ChevronRight, CopyPlus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Alert, ErrorAlert } from '../../components/alert';
import { Button } from '../../components/button';
import { ConfirmDialog } from '../../components/dialog';
import { PageHeader } from '../../components/page-header';
import { PageSpinner } from '../../components/spinner';
import { canteenToday, useCanteenConfig } from '../../lib/canteen-config';
import { errorMessage } from '../../lib/errors';
import { asDay, dayFormat, formatNumber } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { PlanDayCard } from './plan-day-card';
import { PlanDishDialog } from './plan-dish-dialog';
import { mondayOf, orderedOnPublished, weekStatus } from './plan-week';
import { useScheduledDishes } from './use-scheduled-dishes';

type PlanPageProps = {
  /** Any day of the week shown (`?week=`); this week when left out. */
  week: string | undefined;
  /** Another week: its Monday, or undefined for this week. */
  onWeekChange: (week: string | undefined) => void;
};

type Editing = { day: string; dish: PlanDish | null };

/** The manager's menu plan: one week of daily dishes, day by day, drafted and then published. */
export const PlanPage = ({ week, onWeekChange }: PlanPageProps) => {
  const { t } = useTranslation('plan');
  // Today is the canteen's, in its time zone: a fresher configuration re-renders the page.
  useCanteenConfig();
  const today = canteenToday();
  const thisWeek = mondayOf(today);
  const weekStart = mondayOf(week ?? today);
  const plan = useQuery(trpc.plan.week.queryOptions({ day: weekStart }));
  const scheduled = useScheduledDishes();
  const [editing, setEditing] = useState<Editing | null>(null);
  const goTo = (monday: string) => onWeekChange(monday === thisWeek ? undefined : monday);
  const range = dayFormat('medium').formatRange(asDay(weekStart), asDay(addDays(weekStart, 6)));
  const editingDay = plan.data?.days.find((planDay) => planDay.day === editing?.day);
  const choices = scheduled.dishes.filter((dish) => !editingDay?.dishes.some((planned) => planned.productId === dish.id));

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={plan.data ? <WeekActions week={plan.data} /> : null}
      />
      <nav aria-label={t('week.nav')} className="mb-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <p aria-live="polite" data-testid="plan-week" className="text-base font-semibold text-zinc-900">
          {t('week.label', { range })}
        </p>
        <div className="flex items-center gap-1.5">
          <Button variant="secondary" size="icon" aria-label={t('week.previous')} onClick={() => goTo(addDays(weekStart, -7))}>
            <ChevronLeft aria-hidden />
          </Button>
          <Button variant="secondary" size="sm" className="h-9" disabled={weekStart === thisWeek} onClick={() => goTo(thisWeek)}>
            {t('week.this')}
          </Button>
          <Button variant="secondary" size="icon" aria-label={t('week.next')} onClick={() => goTo(addDays(weekStart, 7))}>
            <ChevronRight aria-hidden />
          </Button>
        </div>
      </nav>
      {!scheduled.isPending && scheduled.dishes.length === 0 ? (
        <Alert tone="info" title={t('noDailyDishes.title')} className="mb-4">
          {t('noDailyDishes.description')}{' '}
          <Link to="/products" className="font-medium underline underline-offset-2">
            {t('noDailyDishes.link')}
          </Link>
        </Alert>
      ) : null}
      {plan.isPending ? (
        <PageSpinner label={t('loading')} />
      ) : plan.isError ? (
        <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />
      ) : (
        <>
          <WeekStatusLine week={plan.data} />
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-7 xl:gap-2">
            {plan.data.days.map((planDay) => (
              <PlanDayCard
                key={planDay.day}
                planDay={planDay}
                isToday={planDay.day === today}
                onAdd={() => setEditing({ day: planDay.day, dish: null })}
                onEdit={(dish) => setEditing({ day: planDay.day, dish })}
              />
            ))}
          </div>
        </>
      )}
      {editing ? (
        <PlanDishDialog
          key={`${editing.day}-${editing.dish?.productId ?? 'new'}`}
          day={editing.day}
          dish={editing.dish}
          choices={choices}
          isPublished={Boolean(editingDay?.publishedAt)}
          hasDailyDishes={scheduled.dishes.length > 0}
          isOpen
          onOpenChange={(isOpen) => !isOpen && setEditing(null)}
        />
      ) : null}
    </>
  );
};

/** Where the week stands, in words: nothing planned, a draft, published, or partly. */
const WeekStatusLine = ({ week }: { week: PlanWeek }) => {
  const { t } = useTranslation('plan');
  const { status, drafts } = weekStatus(week.days);
  return (
    <p data-testid="plan-week-status" className="mb-4 text-sm text-zinc-600">
      {status === 'mixed' ? t('status.mixed', { count: drafts }) : t(`status.${status}`)}
    </p>
  );
};

/** Copy the previous week, publish the week, or take it back. */
const WeekActions = ({ week }: { week: PlanWeek }) => {
  const { t } = useTranslation('plan');
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<'copy' | 'unpublish' | null>(null);
  const [isCheckingCopy, setIsCheckingCopy] = useState(false);
  const { status, isAnyPublished } = weekStatus(week.days);
  const ordered = orderedOnPublished(week.days);
  const previousWeek = addDays(week.weekStart, -7);
  const show = (next: PlanWeek) => {
    queryClient.setQueryData(trpc.plan.week.queryKey({ day: next.weekStart }), next);
    // What people see on the menu follows the published plan.
    void queryClient.invalidateQueries({ queryKey: trpc.product.list.pathKey() });
  };
  const copy = useMutation(
    trpc.plan.copyWeek.mutationOptions({
      onSuccess: (next) => {
        show(next);
        setConfirming(null);
        toast.success(t('toast.copied'));
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const publish = useMutation(
    trpc.plan.publish.mutationOptions({
      onSuccess: (next, { isPublished }) => {
        show(next);
        setConfirming(null);
        const count = next.days.filter((planDay) => planDay.publishedAt && planDay.dishes.length > 0).length;
        toast.success(isPublished ? t('toast.published', { count }) : t('toast.unpublished'));
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const copyInput = { from: previousWeek, to: week.weekStart };

  // Nothing to copy is said at once; drafts this week would be replaced, so that is asked first.
  const onCopy = async () => {
    setIsCheckingCopy(true);
    try {
      const previous = await queryClient.fetchQuery(trpc.plan.week.queryOptions({ day: previousWeek }));
      if (!previous.days.some((planDay) => planDay.dishes.length > 0)) toast.info(t('toast.nothingToCopy'));
      else if (status === 'draft' || status === 'mixed') setConfirming('copy');
      else copy.mutate(copyInput);
    } catch (caught) {
      toast.error(errorMessage(caught));
    } finally {
      setIsCheckingCopy(false);
    }
  };

  return (
    <>
      <Button
        variant="secondary"
        className="grow sm:grow-0"
        isLoading={isCheckingCopy || (copy.isPending && confirming === null)}
        onClick={() => void onCopy()}
      >
        {isCheckingCopy || copy.isPending ? null : <CopyPlus aria-hidden />}
        {t('actions.copy')}
      </Button>
      {isAnyPublished ? (
        <Button variant="secondary" className="grow sm:grow-0" onClick={() => setConfirming('unpublish')}>
          <CalendarX aria-hidden />
          {t('actions.unpublish')}
        </Button>
      ) : null}
      {status === 'draft' || status === 'mixed' ? (
        <Button
          className="grow sm:grow-0"
          isLoading={publish.isPending && confirming === null}
          onClick={() => publish.mutate({ day: week.weekStart, isPublished: true })}
        >
          {publish.isPending ? null : <CalendarCheck aria-hidden />}
          {t('actions.publish')}
        </Button>
      ) : null}
      <ConfirmDialog
        isOpen={confirming === 'copy'}
        onOpenChange={(isOpen) => !isOpen && setConfirming(null)}
        title={t('confirmCopy.title')}
        description={t('confirmCopy.description')}
        confirmLabel={t('confirmCopy.confirm')}
        confirmVariant="primary"
        isPending={copy.isPending}
        onConfirm={() => copy.mutate(copyInput)}
      />
      <ConfirmDialog
        isOpen={confirming === 'unpublish'}
        onOpenChange={(isOpen) => !isOpen && setConfirming(null)}
        title={t('confirmUnpublish.title')}
        description={
          ordered > 0
            ? t('confirmUnpublish.descriptionOrdered', { count: ordered, number: formatNumber(ordered) })
            : t('confirmUnpublish.description')
        }
        confirmLabel={t('confirmUnpublish.confirm')}
        cancelLabel={t('confirmUnpublish.keep')}
        isPending={publish.isPending}
        onConfirm={() => publish.mutate({ day: week.weekStart, isPublished: false })}
      />
    </>
  );
};
