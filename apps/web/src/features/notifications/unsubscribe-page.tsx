import { useMutation } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { CircleCheck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Logo } from '../../components/logo';
import { trpc } from '../../lib/trpc';
import { usePageTitle } from '../../lib/use-page-title';

/**
 * Where an email's "Stop these emails" link leads, signed in or not. It asks before it acts: mail scanners open
 * links to check them, and must not unsubscribe anyone.
 */
export const UnsubscribePage = () => {
  const { t } = useTranslation('notifications');
  const { token } = useSearch({ from: '/unsubscribe' });
  const unsubscribe = useMutation(trpc.notification.unsubscribe.mutationOptions());
  usePageTitle(t('unsubscribe.pageTitle'));
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-gradient-to-b from-white to-zinc-100 px-4 py-10">
      <main className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-3 text-center">
          <Logo className="text-lg" />
          <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{t('unsubscribe.title')}</h1>
          <p className="text-sm text-zinc-600">{t('unsubscribe.description')}</p>
        </div>
        <div className="grid gap-4 rounded-xl border border-zinc-200 bg-white p-6 text-center shadow-sm">
          {unsubscribe.isSuccess ? (
            <>
              <CircleCheck aria-hidden className="mx-auto size-10 text-emerald-700" />
              <p role="status" className="text-sm text-zinc-700">
                {t('unsubscribe.done')}
              </p>
            </>
          ) : token === undefined || unsubscribe.isError ? (
            <Alert>{t('unsubscribe.invalid')}</Alert>
          ) : (
            <Button isLoading={unsubscribe.isPending} onClick={() => unsubscribe.mutate({ token })}>
              {t('unsubscribe.confirm')}
            </Button>
          )}
          <Link to="/" className="text-sm text-emerald-700 underline-offset-4 hover:underline">
            {t('unsubscribe.toApp')}
          </Link>
        </div>
      </main>
    </div>
  );
};
