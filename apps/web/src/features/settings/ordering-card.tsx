import { type Settings, SettingsSchema, TimeOfDaySchema } from '@canteen/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { z } from 'zod';
import { Alert, ErrorAlert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '../../components/card';
import { Field } from '../../components/field';
import { Input } from '../../components/input';
import { PageSpinner } from '../../components/spinner';
import { errorMessage } from '../../lib/errors';
import { applyFieldErrors, parseCount, schemaResolver } from '../../lib/form';
import { i18next } from '../../lib/i18n';
import { trpc } from '../../lib/trpc';

const MAX_DAYS = SettingsSchema.shape.preorderDays.maxValue ?? 0;

/** The two ordering settings as typed: the days as digits, the deadline as `HH:MM` (a time field gives that). */
const OrderingFormSchema = z.object({
  preorderDays: z.string().refine((text) => SettingsSchema.shape.preorderDays.safeParse(parseCount(text)).success, {
    error: () => i18next.t('settings:ordering.preorderDaysInvalid', { max: MAX_DAYS }),
  }),
  cutoffTime: z.string().refine((text) => TimeOfDaySchema.safeParse(text).success, {
    error: () => i18next.t('settings:ordering.cutoffTimeInvalid'),
  }),
});

/** How far ahead people may order, and the change deadline on the pickup day. */
export const OrderingCard = () => {
  const { t } = useTranslation('settings');
  const settings = useQuery(trpc.settings.get.queryOptions());
  return (
    <Card aria-labelledby="ordering-title">
      <CardHeader>
        <CardTitle id="ordering-title">{t('ordering.title')}</CardTitle>
        <CardDescription>{t('ordering.description')}</CardDescription>
      </CardHeader>
      {settings.isPending ? (
        <PageSpinner label={t('ordering.loading')} />
      ) : settings.isError ? (
        <CardContent>
          <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
        </CardContent>
      ) : (
        <OrderingForm settings={settings.data} />
      )}
    </Card>
  );
};

const OrderingForm = ({ settings }: { settings: Settings }) => {
  const { t } = useTranslation('settings');
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    resolver: schemaResolver(OrderingFormSchema),
    defaultValues: { preorderDays: String(settings.preorderDays), cutoffTime: settings.cutoffTime },
  });
  const { errors } = form.formState;
  const update = useMutation(trpc.settings.update.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      const saved = await update.mutateAsync({ preorderDays: Number(values.preorderDays), cutoffTime: values.cutoffTime });
      queryClient.setQueryData(trpc.settings.get.queryKey(), saved);
      // Which days can be ordered for, and until when, is asked per day: those answers are stale now.
      await queryClient.invalidateQueries(trpc.slot.pathFilter());
      form.reset({ preorderDays: String(saved.preorderDays), cutoffTime: saved.cutoffTime });
      toast.success(
        saved.preorderDays === 0
          ? t('ordering.savedToday', { time: saved.cutoffTime })
          : t('ordering.saved', { count: saved.preorderDays, time: saved.cutoffTime }),
      );
    } catch (caught) {
      if (!applyFieldErrors(caught, form.setError)) setError(errorMessage(caught));
    }
  });

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <CardContent className="grid gap-4 sm:grid-cols-2">
        {error ? <Alert className="sm:col-span-2">{error}</Alert> : null}
        <Field
          label={t('ordering.preorderDays')}
          hint={t('ordering.preorderDaysHint', { max: MAX_DAYS })}
          error={errors.preorderDays?.message}
        >
          <Input inputMode="numeric" autoComplete="off" {...form.register('preorderDays')} />
        </Field>
        <Field label={t('ordering.cutoffTime')} hint={t('ordering.cutoffTimeHint')} error={errors.cutoffTime?.message}>
          <Input type="time" {...form.register('cutoffTime')} />
        </Field>
      </CardContent>
      <CardFooter>
        <Button type="submit" isLoading={form.formState.isSubmitting}>
          {t('ordering.save')}
        </Button>
      </CardFooter>
    </form>
  );
};
