import { NOTIFICATION_KINDS, type NotificationKind } from '@canteen/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Alert, ErrorAlert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../components/card';
import { Checkbox } from '../../components/checkbox';
import { Field } from '../../components/field';
import { Input } from '../../components/input';
import { Spinner } from '../../components/spinner';
import { errorMessage } from '../../lib/errors';
import { trpc } from '../../lib/trpc';

/** Whole currency units as typed ("12.50", "12,50") to cents; empty is "never"; null when it is not an amount. */
const toCents = (text: string): number | null | undefined => {
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return null;
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(trimmed)) return undefined;
  return Math.round(Number(trimmed) * 100);
};

/** What comes by email, and the balance below which to warn: `notification.settings`. */
export const NotificationsCard = () => {
  const { t } = useTranslation('notifications');
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.notification.settings.queryOptions());
  const [kinds, setKinds] = useState<NotificationKind[]>([]);
  const [threshold, setThreshold] = useState('');
  useEffect(() => {
    if (!settings.data) return;
    setKinds(settings.data.emailKinds);
    setThreshold(settings.data.lowBalanceCents === null ? '' : (settings.data.lowBalanceCents / 100).toFixed(2));
  }, [settings.data]);
  const save = useMutation(
    trpc.notification.updateSettings.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.notification.settings.queryKey(), saved);
        toast.success(t('settings.saved'));
      },
    }),
  );
  const cents = toCents(threshold);
  const thresholdError = cents === undefined || (cents !== null && cents < 1) ? t('settings.lowBalanceHint') : null;

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('settings.title')}</CardTitle>
        <CardDescription>{t('settings.description')}</CardDescription>
      </CardHeader>
      <CardContent>
        {settings.isPending ? (
          <Spinner />
        ) : settings.isError ? (
          <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <form
            className="grid gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              if (cents === undefined || thresholdError) return;
              save.mutate({ emailKinds: kinds, lowBalanceCents: cents });
            }}
          >
            <fieldset className="grid gap-2" disabled={!settings.data.isEmailAvailable}>
              <legend className="mb-1 text-sm font-medium text-zinc-900">{t('settings.email')}</legend>
              {settings.data.isEmailAvailable ? null : <Alert tone="info">{t('settings.emailUnavailable')}</Alert>}
              {NOTIFICATION_KINDS.map((kind) => (
                <label key={kind} className="flex items-center gap-2 text-sm text-zinc-800">
                  <Checkbox
                    checked={kinds.includes(kind)}
                    onCheckedChange={(checked) =>
                      setKinds((current) => (checked === true ? [...current, kind] : current.filter((k) => k !== kind)))
                    }
                  />
                  {t(`settings.kinds.${kind}`)}
                </label>
              ))}
            </fieldset>
            <Field label={t('settings.lowBalance')} hint={t('settings.lowBalanceHint')} error={thresholdError ?? undefined}>
              <Input
                inputMode="decimal"
                value={threshold}
                onChange={(event) => setThreshold(event.target.value)}
                className="max-w-40"
              />
            </Field>
            {save.error ? <Alert>{errorMessage(save.error)}</Alert> : null}
            <div>
              <Button type="submit" isLoading={save.isPending}>
                {t('settings.save')}
              </Button>
            </div>
          </form>
        )}
      </CardContent>
    </Card>
  );
};
