import { type PickupSlot, slotStarts } from '@canteen/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Clock } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { z } from 'zod';
import { ErrorAlert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card, CardDescription, CardHeader, CardTitle } from '../../components/card';
import { Field } from '../../components/field';
import { FormDialog } from '../../components/form-dialog';
import { FormSwitchField } from '../../components/form-switch-field';
import { Input } from '../../components/input';
import { PageSpinner } from '../../components/spinner';
import { errorMessage } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { applyFieldErrors, schemaResolver } from '../../lib/form';
import { trpc } from '../../lib/trpc';
import { DEFAULT_WINDOW, WEEKDAYS, startTimesLine, weekdayName, windowFromText, windowOf, windowProblems } from './pickup-slots';

/** Admins cut each weekday into pickup slots (or none); the list shows the slots each day has now. */
export const PickupSlotsCard = () => {
  const { t } = useTranslation('settings');
  const week = useQuery(trpc.slot.week.queryOptions());
  const [editing, setEditing] = useState<number | null>(null);
  const slotsOn = (weekday: number): PickupSlot[] => week.data?.days.find((day) => day.weekday === weekday)?.slots ?? [];

  return (
    <Card aria-labelledby="pickup-slots-title">
      <CardHeader>
        <CardTitle id="pickup-slots-title">{t('slots.title')}</CardTitle>
        <CardDescription>{t('slots.description')}</CardDescription>
      </CardHeader>
      {week.isPending ? (
        <PageSpinner label={t('slots.loading')} />
      ) : week.isError ? (
        <div className="px-5 py-5 sm:px-6">
          <ErrorAlert error={week.error} onRetry={() => void week.refetch()} />
        </div>
      ) : (
        <ul aria-label={t('slots.caption')} className="divide-y divide-zinc-100">
          {WEEKDAYS.map((weekday) => {
            const slots = slotsOn(weekday);
            const name = weekdayName(weekday);
            return (
              <li key={weekday} data-testid={`slots-${weekday}`} className="flex items-center gap-4 px-5 py-3 sm:px-6">
                <div className="grid min-w-0 flex-1 gap-0.5 sm:grid-cols-[8rem_minmax(0,1fr)] sm:gap-4">
                  <p className="text-sm font-medium text-zinc-900">{name}</p>
                  {slots.length > 0 ? (
                    <div className="grid gap-0.5">
                      <p className="text-sm text-zinc-900 tabular-nums">{startTimesLine(slots.map((slot) => slot.startsAt))}</p>
                      <p className="text-xs text-zinc-600">
                        {t('slots.summary', { count: slots.length, capacity: formatNumber(slots[0]?.capacity ?? 0) })}
                      </p>
                    </div>
                  ) : (
                    <p className="text-sm text-zinc-600">{t('slots.none')}</p>
                  )}
                </div>
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={t('slots.editDay', { weekday: name })}
                  onClick={() => setEditing(weekday)}
                >
                  {t('slots.edit')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {editing === null ? null : (
        <SlotDayDialog key={editing} weekday={editing} slots={slotsOn(editing)} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
};

const SlotDayFormSchema = z
  .object({ hasSlots: z.boolean(), from: z.string(), to: z.string(), everyMinutes: z.string(), capacity: z.string() })
  .superRefine(({ hasSlots, ...window }, context) => {
    if (!hasSlots) return;
    for (const [field, message] of Object.entries(windowProblems(window))) {
      context.addIssue({ code: 'custom', path: [field], message });
    }
  });

type SlotDayDialogProps = { weekday: number; slots: readonly PickupSlot[]; onClose: () => void };

/** One weekday's window of slots, with the slots it makes shown as they are typed; or no slots that day. */
const SlotDayDialog = ({ weekday, slots, onClose }: SlotDayDialogProps) => {
  const { t } = useTranslation('settings');
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const current = windowOf(slots) ?? DEFAULT_WINDOW;
  const form = useForm({
    resolver: schemaResolver(SlotDayFormSchema),
    defaultValues: {
      hasSlots: slots.length > 0,
      from: current.from,
      to: current.to,
      everyMinutes: String(current.everyMinutes),
      capacity: String(current.capacity),
    },
  });
  const { errors } = form.formState;
  const setDay = useMutation(trpc.slot.setDay.mutationOptions());
  const name = weekdayName(weekday);
  const [hasSlots, from, to, everyMinutes, capacity] = form.watch(['hasSlots', 'from', 'to', 'everyMinutes', 'capacity']);
  const preview = windowFromText({ from, to, everyMinutes, capacity });
  const starts = preview ? slotStarts(preview) : [];

  const onSubmit = form.handleSubmit(async ({ hasSlots: isOn, ...typed }) => {
    setFormError(null);
    try {
      const week = await setDay.mutateAsync({ weekday, window: isOn ? windowFromText(typed) : null });
      queryClient.setQueryData(trpc.slot.week.queryKey(), week);
      // The slot pickers of the days ahead read them afresh.
      await queryClient.invalidateQueries({ queryKey: trpc.slot.day.pathKey() });
      toast.success(t('slots.form.saved', { weekday: name }));
      onClose();
    } catch (caught) {
      if (!applyFieldErrors(caught, form.setError)) setFormError(errorMessage(caught));
    }
  });

  return (
    <FormDialog
      isOpen
      onOpenChange={(isOpen) => !isOpen && onClose()}
      title={t('slots.form.title', { weekday: name })}
      description={t('slots.form.description')}
      error={formError}
      onSubmit={onSubmit}
      submitLabel={t('slots.form.save')}
      isSubmitting={form.formState.isSubmitting}
    >
      <FormSwitchField
        control={form.control}
        name="hasSlots"
        id="slot-day-on"
        label={t('slots.form.hasSlots')}
        hint={t('slots.form.hasSlotsHint')}
      />
      {hasSlots ? (
        <>
          <div className="grid grid-cols-2 gap-4">
            <Field label={t('slots.form.from')} error={errors.from?.message}>
              <Input type="time" {...form.register('from')} />
            </Field>
            <Field label={t('slots.form.to')} error={errors.to?.message}>
              <Input type="time" {...form.register('to')} />
            </Field>
            <Field label={t('slots.form.everyMinutes')} error={errors.everyMinutes?.message}>
              <Input inputMode="numeric" autoComplete="off" {...form.register('everyMinutes')} />
            </Field>
            <Field label={t('slots.form.capacity')} error={errors.capacity?.message}>
              <Input inputMode="numeric" autoComplete="off" {...form.register('capacity')} />
            </Field>
          </div>
          <div aria-live="polite" className="flex gap-2.5 rounded-lg bg-zinc-50 px-3.5 py-3 text-sm text-zinc-700">
            <Clock aria-hidden className="mt-0.5 size-4 shrink-0 text-zinc-500" />
            {preview ? (
              <p data-testid="slot-preview">
                <span className="font-medium text-zinc-900">
                  {t('slots.summary', { count: starts.length, capacity: formatNumber(preview.capacity) })}:
                </span>{' '}
                <span className="tabular-nums">{startTimesLine(starts)}</span>
              </p>
            ) : (
              <p>—</p>
            )}
          </div>
        </>
      ) : null}
    </FormDialog>
  );
};
