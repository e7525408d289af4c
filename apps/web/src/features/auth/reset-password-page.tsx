import { PASSWORD_MIN_LENGTH, ResetPasswordInputSchema } from '@canteen/shared';
import { useMutation } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { CircleCheck } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import { Input } from '../../components/input';
import { Logo } from '../../components/logo';
import { errorMessage, errorReason } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { i18next } from '../../lib/i18n';
import { schemaResolver } from '../../lib/form';
import { usePageTitle } from '../../lib/use-page-title';
import { trpc } from '../../lib/trpc';

const ResetFormSchema = ResetPasswordInputSchema.pick({ newPassword: true })
  .extend({ confirmPassword: z.string() })
  .refine((values) => values.newPassword === values.confirmPassword, {
    path: ['confirmPassword'],
    error: () => i18next.t('auth:reset.mismatch'),
  });

export const ResetPasswordPage = () => {
  const { t } = useTranslation('auth');
  const { token } = useSearch({ from: '/reset-password' });
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ resolver: schemaResolver(ResetFormSchema), defaultValues: { newPassword: '', confirmPassword: '' } });
  const { errors } = form.formState;
  usePageTitle(t('reset.pageTitle'));

  const onSubmit = form.handleSubmit(async ({ newPassword }) => {
    if (token === undefined) return;
    setError(null);
    try {
      await reset.mutateAsync({ token, newPassword });
    } catch (caught) {
      if (errorReason(caught) === 'WEAK_PASSWORD') form.setError('newPassword', { message: errorMessage(caught) });
      else setError(errorMessage(caught));
    }
  });

  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-gradient-to-b from-white to-zinc-100 px-4 py-10">
      <main className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-3 text-center">
          <Logo className="text-lg" />
          <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{t('reset.title')}</h1>
          <p className="text-sm text-zinc-600">{t('reset.description', { min: formatNumber(PASSWORD_MIN_LENGTH) })}</p>
        </div>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">
          {reset.isSuccess ? (
            <div className="grid gap-4 text-center">
              <CircleCheck aria-hidden className="mx-auto size-10 text-emerald-700" />
              <p role="status" className="text-sm text-zinc-700">
                {t('reset.done')}
              </p>
              <Button asChild>
                <Link to="/login">{t('reset.goToSignIn')}</Link>
              </Button>
            </div>
          ) : token === undefined ? (
            <div className="grid gap-4">
              <Alert title={t('reset.incompleteTitle')}>{t('reset.incompleteDescription')}</Alert>
              <Button asChild variant="secondary">
                <Link to="/login">{t('reset.backToSignIn')}</Link>
              </Button>
            </div>
          ) : (
            <form className="grid gap-4" noValidate onSubmit={(event) => void onSubmit(event)}>
              {error ? <Alert>{error}</Alert> : null}
              <Field label={t('reset.newPassword')} error={errors.newPassword?.message}>
                <Input type="password" autoComplete="new-password" autoFocus {...form.register('newPassword')} />
              </Field>
              <Field label={t('reset.confirmPassword')} error={errors.confirmPassword?.message}>
                <Input type="password" autoComplete="new-password" {...form.register('confirmPassword')} />
              </Field>
              <Button type="submit" size="lg" className="w-full" isLoading={form.formState.isSubmitting}>
                {t('reset.submit')}
              </Button>
            </form>
          )}
        </div>
      </main>
    </div>
  );
};
