import { ChangePasswordInputSchema, PASSWORD_MIN_LENGTH } from '@canteen/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { z } from 'zod';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '../../components/card';
import { Field } from '../../components/field';
import { Input } from '../../components/input';
import { refreshSession } from '../../lib/auth';
import { errorMessage, errorReason } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { applyFieldErrors, schemaResolver } from '../../lib/form';
import { i18next } from '../../lib/i18n';
import { trpc } from '../../lib/trpc';

const ChangePasswordFormSchema = ChangePasswordInputSchema.extend({ confirmPassword: z.string() }).refine(
  (values) => values.newPassword === values.confirmPassword,
  { path: ['confirmPassword'], error: () => i18next.t('profile:password.mismatch') },
);

export const ChangePasswordCard = () => {
  const { t } = useTranslation('profile');
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    resolver: schemaResolver(ChangePasswordFormSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const changePassword = useMutation(trpc.auth.changePassword.mutationOptions());
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    setError(null);
    try {
      await changePassword.mutateAsync({ currentPassword, newPassword });
    } catch (caught) {
      const reason = errorReason(caught);
      if (reason === 'INVALID_CREDENTIALS') {
        form.setError('currentPassword', { message: t('password.currentWrong') });
      } else if (reason === 'WEAK_PASSWORD' || reason === 'PASSWORD_REUSED') {
        form.setError('newPassword', { message: errorMessage(caught) });
      } else if (!applyFieldErrors(caught, form.setError)) {
        setError(errorMessage(caught));
      }
      return;
    }
    form.reset();
    // The server ends access tokens issued before the change; this sign-in keeps going with a fresh one.
    await refreshSession();
    toast.success(t('password.changed'));
  });

  return (
    <Card>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <CardHeader>
          <CardTitle>{t('password.title')}</CardTitle>
          <CardDescription>{t('password.description', { min: formatNumber(PASSWORD_MIN_LENGTH) })}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {error ? <Alert>{error}</Alert> : null}
          <Field label={t('password.current')} error={errors.currentPassword?.message}>
            <Input type="password" autoComplete="current-password" {...form.register('currentPassword')} />
          </Field>
          <Field label={t('password.new')} error={errors.newPassword?.message}>
            <Input type="password" autoComplete="new-password" {...form.register('newPassword')} />
          </Field>
          <Field label={t('password.confirm')} error={errors.confirmPassword?.message}>
            <Input type="password" autoComplete="new-password" {...form.register('confirmPassword')} />
          </Field>
        </CardContent>
        <CardFooter>
          <Button type="submit" isLoading={form.formState.isSubmitting}>
            {t('password.submit')}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
};
