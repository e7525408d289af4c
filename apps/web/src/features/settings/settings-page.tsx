import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Alert } from '../../components/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../components/card';
import { Label } from '../../components/field';
import { PageHeader } from '../../components/page-header';
import { PageSpinner } from '../../components/spinner';
import { Switch } from '../../components/switch';
import { markTotpEnrolmentRequired, useSession } from '../../lib/auth';
import { errorMessage } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { OrderingCard } from './ordering-card';
import { PickupSlotsCard } from './pickup-slots-card';

export const SettingsPage = () => {
  const { t } = useTranslation('settings');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid max-w-3xl gap-6">
        <SecurityCard />
        <OrderingCard />
        <PickupSlotsCard />
      </div>
    </>
  );
};

const SecurityCard = () => {
  const { t } = useTranslation('settings');
  const queryClient = useQueryClient();
  const session = useSession();
  const isOwnTotpOff = session.status === 'signedIn' && !session.user.isTotpEnabled;
  const settings = useQuery(trpc.settings.get.queryOptions());
  const update = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.settings.get.queryKey(), saved);
        toast.success(saved.requireTotpForStaff ? t('security.requiredNow') : t('security.optionalAgain'));
        // The rule applies to this admin too: the server refuses everything else until they enrol.
        if (saved.requireTotpForStaff && isOwnTotpOff) markTotpEnrolmentRequired();
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const value = update.isPending ? update.variables.requireTotpForStaff : settings.data?.requireTotpForStaff;

  return (
    <Card aria-labelledby="security-title">
      <CardHeader>
        <CardTitle id="security-title">{t('security.title')}</CardTitle>
        <CardDescription>{t('security.description')}</CardDescription>
      </CardHeader>
      <CardContent>
        {settings.isPending ? (
          <PageSpinner label={t('security.loading')} />
        ) : settings.isError ? (
          <Alert>{errorMessage(settings.error)}</Alert>
        ) : (
          <div className="flex items-start justify-between gap-6">
            <div className="grid gap-1">
              <Label htmlFor="require-totp">{t('security.requireTotp')}</Label>
              <p id="require-totp-hint" className="text-sm text-zinc-600">
                {t('security.requireTotpHint')}
              </p>
              {isOwnTotpOff && !value ? <p className="text-sm text-amber-800">{t('security.ownTotpOff')}</p> : null}
            </div>
            <Switch
              id="require-totp"
              aria-describedby="require-totp-hint"
              checked={value ?? false}
              disabled={update.isPending}
              onCheckedChange={(checked) => update.mutate({ requireTotpForStaff: checked })}
            />
          </div>
        )}
      </CardContent>
    </Card>
  );
};
