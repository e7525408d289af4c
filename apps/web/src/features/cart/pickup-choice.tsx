import type { SlotsOfDay } from '@canteen/shared';
import type { UseQueryResult } from '@tanstack/react-query';
import { CalendarClock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorAlert } from '../../components/alert';
import { DayPicker } from '../../components/day-picker';
import { CutoffNote, SlotPicker } from '../../components/slot-picker';
import { Spinner } from '../../components/spinner';
import { formatPickupDay, formatPickupDayLong } from '../../lib/pickup';

type PickupChoiceProps = {
  today: string;
  /** The days one may order for; more than one shows the day chips. */
  days: readonly string[];
  day: string;
  onDayChange: (day: string) => void;
  slots: UseQueryResult<SlotsOfDay, unknown>;
  /** The slot the order will book; null: none can be (as soon as possible). */
  slotId: string | null;
  onSlotChange: (slotId: string) => void;
};

/** Whether the cart can be ordered for its day: the day is open for orders, and a later day has a free slot if it has slots. */
export const canOrderFor = (
  { today, day, slotId }: Pick<PickupChoiceProps, 'today' | 'day' | 'slotId'>,
  slots: SlotsOfDay | undefined,
): boolean => {
  if (!slots) return false;
  if (!slots.isOrderable) return false;
  return day === today || slots.slots.length === 0 || slotId !== null;
};

/**
 * When the cart's order is picked up: its day (chips to change it) and that day's pickup times, the first free one
 * chosen; with no times that day, as soon as possible. Says until when the order can still be changed.
 */
export const PickupChoice = ({ today, days, day, onDayChange, slots, slotId, onSlotChange }: PickupChoiceProps) => {
  const { t } = useTranslation('cart');
  const long = formatPickupDayLong(day);
  return (
    <section aria-labelledby="pickup-heading" className="grid gap-3">
      <div className="grid gap-0.5">
        <h3 id="pickup-heading" className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
          <CalendarClock aria-hidden className="size-4 text-zinc-500" />
          {t('pickup.title')}
        </h3>
        <p className="text-sm text-zinc-700" data-testid="pickup-day">
          {day === today ? t('pickup.today', { day: long }) : long}
        </p>
      </div>
      {days.length > 1 ? (
        <DayPicker
          aria-label={t('pickup.day')}
          days={days}
          today={today}
          value={day}
          onValueChange={onDayChange}
          className="-mx-5 px-5 sm:-mx-6 sm:px-6 lg:flex-nowrap"
        />
      ) : null}
      <PickupTimes today={today} day={day} slots={slots} slotId={slotId} onSlotChange={onSlotChange} />
    </section>
  );
};

type PickupTimesProps = Pick<PickupChoiceProps, 'today' | 'day' | 'slots' | 'slotId' | 'onSlotChange'>;

const PickupTimes = ({ today, day, slots, slotId, onSlotChange }: PickupTimesProps) => {
  const { t } = useTranslation('cart');
  const { t: common } = useTranslation('common');
  if (slots.isPending) return <Spinner label={t('pickup.loading')} className="size-4" />;
  if (slots.isError) return <ErrorAlert error={slots.error} onRetry={() => void slots.refetch()} />;
  const { isOrderable, cutoffAt } = slots.data;
  const short = formatPickupDay(day);
  if (!isOrderable) return <Alert tone="warning">{t('pickup.notOrderable', { day: short })}</Alert>;
  const cutoff = <CutoffNote day={day} cutoffAt={cutoffAt} id="pickup-cutoff" />;
  if (slots.data.slots.length === 0) {
    return (
      <>
        <p className="rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm">
          <span className="font-medium text-zinc-900">{common('pickup.asap')}</span>
          <span className="block text-zinc-600">
            {day === today ? t('pickup.noTimesToday') : t('pickup.noTimes', { day: short })}
          </span>
        </p>
        {cutoff}
      </>
    );
  }
  return (
    <>
      <SlotPicker slots={slots.data.slots} value={slotId} onValueChange={onSlotChange} aria-describedby="pickup-cutoff" />
      {slotId === null ? (
        day === today ? (
          <Alert tone="info">{t('pickup.noneFreeToday')}</Alert>
        ) : (
          <Alert tone="warning">{t('pickup.noneFree', { day: short })}</Alert>
        )
      ) : null}
      {cutoff}
    </>
  );
};
