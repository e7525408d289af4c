import { LoginInputSchema, TotpCodeSchema } from '@canteen/shared';
import { useNavigate } from '@tanstack/react-router';
import { ArrowLeft, KeyRound, LogIn } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import { Input } from '../../components/input';
import { TotpCodeField } from '../../components/totp-code-field';
import { Logo } from '../../components/logo';
import { signIn, useSession } from '../../lib/auth';
import { errorMessage, errorReason } from '../../lib/errors';
import { schemaResolver } from '../../lib/form';
import { usePageTitle } from '../../lib/use-page-title';
import { safeRedirect } from './safe-redirect';

const CredentialsSchema = LoginInputSchema.pick({ email: true, password: true });
const TotpStepSchema = z.object({ totp: TotpCodeSchema });
type Credentials = z.output<typeof CredentialsSchema>;

const DEMO_PASSWORD = 'Canteen-Demo-2026';
const DEMO_ACCOUNTS = [
  { role: 'admin', email: 'admin@canteen.test' },
  { role: 'manager', email: 'manager@canteen.test' },
  { role: 'employee', email: 'employee@canteen.test' },
  { role: 'kitchen', email: 'kitchen@canteen.test' },
] as const;

type LoginPageProps = { redirectTo: string | undefined };

export const LoginPage = ({ redirectTo }: LoginPageProps) => {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const session = useSession();
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [error, setError] = useState<string | null>(null);
  const notice = session.status === 'signedOut' ? session.notice : null;
  usePageTitle(t('login.pageTitle'));

  const finish = async (mustEnrolTotp: boolean) => {
    await navigate({ href: mustEnrolTotp ? '/profile' : safeRedirect(redirectTo), replace: true });
  };

  const attempt = async (input: Credentials & { totp?: string }) => {
    setError(null);
    try {
      const user = await signIn(input);
      await finish(user.mustEnrolTotp);
    } catch (caught) {
      if (errorReason(caught) === 'TOTP_REQUIRED') {
        setCredentials(input);
        return;
      }
      setError(errorMessage(caught));
    }
  };

  return (
    // Anchored near the top rather than centred, so an error appearing grows the card downwards and nothing jumps.
    <div className="flex min-h-dvh flex-col items-center bg-gradient-to-b from-white to-zinc-100 px-4 pt-[max(2.5rem,12dvh)] pb-10">
      <main className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-3 text-center">
          <Logo className="text-lg" />
          <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">
            {credentials ? t('login.totpTitle') : t('login.title')}
          </h1>
          <p className="text-sm text-zinc-600">{credentials ? t('login.totpDescription') : t('login.description')}</p>
        </div>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">
          {notice && !error ? (
            <Alert tone="info" className="mb-5">
              {notice}
            </Alert>
          ) : null}
          {error ? <Alert className="mb-5">{error}</Alert> : null}
          {credentials ? (
            <TotpStep
              onSubmit={(totp) => attempt({ ...credentials, totp })}
              onBack={() => {
                setCredentials(null);
                setError(null);
              }}
            />
          ) : (
            <CredentialsStep onSubmit={attempt} />
          )}
        </div>
        {credentials ? null : <DemoAccounts />}
      </main>
    </div>
  );
};

const CredentialsStep = ({ onSubmit }: { onSubmit: (input: Credentials) => Promise<void> }) => {
  const { t } = useTranslation('auth');
  const form = useForm({ resolver: schemaResolver(CredentialsSchema), defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(onSubmit);
  return (
    <form className="grid gap-4" noValidate onSubmit={(event) => void submit(event)}>
      <Field label={t('login.email')} error={errors.email?.message}>
        <Input type="email" autoComplete="username" autoFocus {...form.register('email')} />
      </Field>
      <Field label={t('login.password')} error={errors.password?.message}>
        <Input type="password" autoComplete="current-password" {...form.register('password')} />
      </Field>
      <Button type="submit" size="lg" className="mt-1 w-full" isLoading={isSubmitting}>
        {isSubmitting ? null : <LogIn aria-hidden />}
        {t('login.submit')}
      </Button>
      <p className="text-center text-xs text-zinc-600">{t('login.forgotPassword')}</p>
    </form>
  );
};

type TotpStepProps = { onSubmit: (totp: string) => Promise<void>; onBack: () => void };

const TotpStep = ({ onSubmit, onBack }: TotpStepProps) => {
  const { t } = useTranslation('auth');
  const form = useForm({ resolver: schemaResolver(TotpStepSchema), defaultValues: { totp: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(({ totp }) => onSubmit(totp));
  return (
    <form className="grid gap-4" noValidate onSubmit={(event) => void submit(event)}>
      <TotpCodeField label={t('login.totpCode')} size="lg" error={errors.totp?.message} autoFocus {...form.register('totp')} />
      <Button type="submit" size="lg" className="w-full" isLoading={isSubmitting}>
        {isSubmitting ? null : <KeyRound aria-hidden />}
        {t('login.verify')}
      </Button>
      <Button variant="ghost" onClick={onBack}>
        <ArrowLeft aria-hidden />
        {t('login.otherAccount')}
      </Button>
    </form>
  );
};

const DemoAccounts = () => {
  const { t } = useTranslation('auth');
  return (
    <aside
      aria-labelledby="demo-accounts"
      className="mt-6 rounded-xl border border-dashed border-zinc-300 bg-white/70 p-4 text-sm"
    >
      <h2 id="demo-accounts" className="font-medium text-zinc-900">
        {t('demo.title')}
      </h2>
      <p className="mt-1 text-zinc-600">
        {t('demo.passwordForAll')}{' '}
        <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-900">{DEMO_PASSWORD}</code>
      </p>
      <ul className="mt-3 grid gap-1.5">
        {DEMO_ACCOUNTS.map((account) => (
          <li key={account.email} className="flex items-center justify-between gap-3">
            <span className="text-zinc-600">{t(`demo.roles.${account.role}`)}</span>
            <code className="font-mono text-xs text-zinc-900">{account.email}</code>
          </li>
        ))}
      </ul>
    </aside>
  );
};
