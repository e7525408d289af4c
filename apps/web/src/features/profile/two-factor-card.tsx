import { TotpConfirmInputSchema, TotpDisableInputSchema } from '@canteen/shared';
import { useMutation } from '@tanstack/react-query';
import { ShieldCheck, ShieldOff } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
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
  const begin = useMutation(trpc.auth.totp.begin.mutationOptions());
  const [isDisableOpen, setIsDisableOpen] = useState(false);
  const enrolment = begin.data;

  return (
    <Card>
      <CardHeader>
        <div className="flex items-center justify-between gap-3">
          <CardTitle>Two-factor authentication</CardTitle>
          {user.isTotpEnabled ? <Badge tone="green">On</Badge> : <Badge tone="neutral">Off</Badge>}
        </div>
        <CardDescription>
          Ask for a code from an authenticator app (such as 1Password, Google Authenticator or Authy) when you sign in.
        </CardDescription>
      </CardHeader>
      {user.isTotpEnabled ? (
        <>
          <CardContent>
            <p className="flex items-center gap-2 text-sm text-zinc-700">
              <ShieldCheck aria-hidden className="size-4 text-emerald-700" />
              Your account asks for a code at every sign-in.
            </p>
          </CardContent>
          <CardFooter>
            <Button variant="secondary" onClick={() => setIsDisableOpen(true)}>
              <ShieldOff aria-hidden />
              Turn off
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
              Set up two-factor authentication
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
    toast.success('Two-factor authentication is on. Other devices have been signed out.');
    onDone();
  });

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <CardContent className="grid gap-5">
        <ol className="grid gap-5 text-sm text-zinc-700">
          <li className="grid gap-3">
            <p>
              <span className="font-medium text-zinc-900">1. Scan this QR code</span> with your authenticator app.
            </p>
            <img
              src={enrolment.qrDataUrl}
              alt="QR code to add Canteen to your authenticator app"
              width={176}
              height={176}
              className="size-44 rounded-lg border border-zinc-200 bg-white p-2"
            />
            <div className="grid gap-1.5">
              <p className="text-zinc-600">Can't scan it? Enter this key instead:</p>
              <div className="flex flex-wrap items-center gap-2">
                <code
                  data-testid="totp-secret"
                  className="rounded-md bg-zinc-100 px-2 py-1 font-mono text-xs break-all text-zinc-900"
                >
                  {enrolment.secret}
                </code>
                <CopyButton text={enrolment.secret} label="Copy key" />
              </div>
            </div>
          </li>
          <li className="grid gap-3">
            <p>
              <span className="font-medium text-zinc-900">2. Enter the 6-digit code</span> the app shows.
            </p>
            <TotpCodeField error={form.formState.errors.code?.message} {...form.register('code')} />
          </li>
        </ol>
        {error ? <Alert>{error}</Alert> : null}
      </CardContent>
      <CardFooter>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" isLoading={form.formState.isSubmitting}>
          Turn on
        </Button>
      </CardFooter>
    </form>
  );
};

type DisableTotpDialogProps = { isOpen: boolean; onOpenChange: (isOpen: boolean) => void };

const DisableTotpDialog = ({ isOpen, onOpenChange }: DisableTotpDialogProps) => {
  const disable = useMutation(trpc.auth.totp.disable.mutationOptions());
  const form = useForm({ resolver: schemaResolver(TotpDisableInputSchema), defaultValues: { password: '', code: '' } });
  const [error, setError] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      updateSessionUser(await disable.mutateAsync(values));
    } catch (caught) {
      const reason = errorReason(caught);
      if (reason === 'INVALID_CREDENTIALS') form.setError('password', { message: 'Your password is not correct' });
      else if (reason === 'TOTP_INVALID') form.setError('code', { message: errorMessage(caught) });
      // A lock (too many wrong answers) or anything else: the whole form, with how long to wait.
      else if (!applyFieldErrors(caught, form.setError)) setError(errorMessage(caught));
      return;
    }
    // The server ends the other sign-ins and the access tokens issued before; this one carries on refreshed.
    await refreshSession();
    toast.success('Two-factor authentication is off. Other devices have been signed out.');
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
      title="Turn off two-factor authentication?"
      description="Your account will be protected by your password alone. Confirm with your password and a code from your authenticator app. Your other devices will be signed out."
      error={error}
      onSubmit={onSubmit}
      submitLabel="Turn off"
      submitVariant="danger"
      isSubmitting={form.formState.isSubmitting}
    >
      <Field label="Password" error={form.formState.errors.password?.message}>
        <Input type="password" autoComplete="current-password" {...form.register('password')} />
      </Field>
      <TotpCodeField error={form.formState.errors.code?.message} {...form.register('code')} />
    </FormDialog>
  );
};
