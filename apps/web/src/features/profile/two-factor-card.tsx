import { TotpConfirmInputSchema, TotpDisableInputSchema } from '@canteen/shared';
import { useMutation } from '@tanstack/react-query';
import { ShieldCheck, ShieldOff } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Trans, useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '../../components/card';
import { CopyButton } from '../../components/copy-button';
import { Field } from '../../components/field';
import { FormDialog } from '../../components/form-dialog';
import { Input } from '../../components/input';
import { TotpCodeField } from '../../components/totp-code-field';
import { refreshSession, type SessionUser, updateSessionUser } from '../../lib/auth';
import { errorMessage, errorReason } from '../../lib/errors';
import { applyFieldErrors, schemaResolver } from '../../lib/form';
import { trpc } from '../../lib/trpc';

export const TwoFactorCard = ({ user }: { user: SessionUser }) => {
  const { t } = useTranslation('profile');
  const begin = useMutation(trpc.auth.totp.begin.mutationOptions());
  const [isDisableOpen, setIsDisableOpen] = useState(false);
  const enrolment = begin.data;

  return (
    <Card>
      <CardHeader>
        <div className="flex items-center justify-between gap-3">
          <CardTitle>{t('twoFactor.title')}</CardTitle>
          {user.isTotpEnabled ? (
            <Badge tone="green">{t('twoFactor.on')}</Badge>
          ) : (
            <Badge tone="neutral">{t('twoFactor.off')}</Badge>
          )}
        </div>
        <CardDescription>{t('twoFactor.description')}</CardDescription>
      </CardHeader>
      {user.isTotpEnabled ? (
        <>
          <CardContent>
            <p className="flex items-center gap-2 text-sm text-zinc-700">
              <ShieldCheck aria-hidden className="size-4 text-emerald-700" />
              {t('twoFactor.enabled')}
            </p>
          </CardContent>
          <CardFooter>
            <Button variant="secondary" onClick={() => setIsDisableOpen(true)}>
              <ShieldOff aria-hidden />
              {t('twoFactor.turnOff')}
            </Button>
          </CardFooter>
          <DisableTotpDialog isOpen={isDisableOpen} onOpenChange={setIsDisableOpen} />
        </>
      ) : enrolment ? (
        <EnrolmentStep enrolment={enrolment} onCancel={() => begin.reset()} onDone={() => begin.reset()} />
      ) : (
        <>
          {begin.error ? (
            <CardContent>
              <Alert>{errorMessage(begin.error)}</Alert>
            </CardContent>
          ) : null}
          <CardFooter>
            <Button onClick={() => begin.mutate()} isLoading={begin.isPending}>
              <ShieldCheck aria-hidden />
              {t('twoFactor.setUp')}
            </Button>
          </CardFooter>
        </>
      )}
    </Card>
  );
};

type EnrolmentStepProps = {
  enrolment: { secret: string; qrDataUrl: string };
  onCancel: () => void;
  onDone: () => void;
};

const EnrolmentStep = ({ enrolment, onCancel, onDone }: EnrolmentStepProps) => {
  const { t } = useTranslation('profile');
  const confirm = useMutation(trpc.auth.totp.confirm.mutationOptions());
  const form = useForm({ resolver: schemaResolver(TotpConfirmInputSchema), defaultValues: { code: '' } });
  const [error, setError] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      updateSessionUser(await confirm.mutateAsync(values));
    } catch (caught) {
      if (errorReason(caught) === 'TOTP_INVALID') form.setError('code', { message: errorMessage(caught) });
      else setError(errorMessage(caught));
      return;
    }
    // The server ends the other sign-ins and the access tokens issued before; this one carries on refreshed.
    await refreshSession();
    toast.success(t('twoFactor.turnedOn'));
    onDone();
  });

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <CardContent className="grid gap-5">
        <ol className="grid gap-5 text-sm text-zinc-700">
          <li className="grid gap-3">
            <p>
              <Trans t={t} i18nKey="twoFactor.scan" components={{ strong: <span className="font-medium text-zinc-900" /> }} />
            </p>
            <img
              src={enrolment.qrDataUrl}
              alt={t('twoFactor.qrAlt')}
              width={176}
              height={176}
              className="size-44 rounded-lg border border-zinc-200 bg-white p-2"
            />
            <div className="grid gap-1.5">
              <p className="text-zinc-600">{t('twoFactor.cantScan')}</p>
              <div className="flex flex-wrap items-center gap-2">
                <code
                  data-testid="totp-secret"
                  className="rounded-md bg-zinc-100 px-2 py-1 font-mono text-xs break-all text-zinc-900"
                >
                  {enrolment.secret}
                </code>
                <CopyButton text={enrolment.secret} label={t('twoFactor.copyKey')} />
              </div>
            </div>
          </li>
          <li className="grid gap-3">
            <p>
              <Trans
                t={t}
                i18nKey="twoFactor.enterCode"
                components={{ strong: <span className="font-medium text-zinc-900" /> }}
              />
            </p>
            <TotpCodeField error={form.formState.errors.code?.message} {...form.register('code')} />
          </li>
        </ol>
        {error ? <Alert>{error}</Alert> : null}
      </CardContent>
      <CardFooter>
        <Button variant="ghost" onClick={onCancel}>
          {t('twoFactor.cancel')}
        </Button>
        <Button type="submit" isLoading={form.formState.isSubmitting}>
          {t('twoFactor.turnOn')}
        </Button>
      </CardFooter>
    </form>
  );
};

type DisableTotpDialogProps = { isOpen: boolean; onOpenChange: (isOpen: boolean) => void };

const DisableTotpDialog = ({ isOpen, onOpenChange }: DisableTotpDialogProps) => {
  const { t } = useTranslation('profile');
  const disable = useMutation(trpc.auth.totp.disable.mutationOptions());
  const form = useForm({ resolver: schemaResolver(TotpDisableInputSchema), defaultValues: { password: '', code: '' } });
  const [error, setError] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      updateSessionUser(await disable.mutateAsync(values));
    } catch (caught) {
      const reason = errorReason(caught);
      if (reason === 'INVALID_CREDENTIALS') form.setError('password', { message: t('twoFactor.passwordWrong') });
      else if (reason === 'TOTP_INVALID') form.setError('code', { message: errorMessage(caught) });
      // A lock (too many wrong answers) or anything else: the whole form, with how long to wait.
      else if (!applyFieldErrors(caught, form.setError)) setError(errorMessage(caught));
      return;
    }
    // The server ends the other sign-ins and the access tokens issued before; this one carries on refreshed.
    await refreshSession();
    toast.success(t('twoFactor.turnedOff'));
    onOpenChange(false);
  });

  return (
    <FormDialog
      isOpen={isOpen}
      onOpenChange={(next) => {
        if (!next) {
          form.reset();
          setError(null);
        }
        onOpenChange(next);
      }}
      size="sm"
      title={t('twoFactor.disableTitle')}
      description={t('twoFactor.disableDescription')}
      error={error}
      onSubmit={onSubmit}
      submitLabel={t('twoFactor.turnOff')}
      submitVariant="danger"
      isSubmitting={form.formState.isSubmitting}
    >
      <Field label={t('twoFactor.password')} error={form.formState.errors.password?.message}>
        <Input type="password" autoComplete="current-password" {...form.register('password')} />
      </Field>
      <TotpCodeField error={form.formState.errors.code?.message} {...form.register('code')} />
    </FormDialog>
  );
};
