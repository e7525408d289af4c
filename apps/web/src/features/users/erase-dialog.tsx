import type { UserDto } from '@canteen/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { ConfirmDialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { Input } from '../../components/input';
import { errorMessage } from '../../lib/errors';
import { isEraseConfirmed } from '../../lib/privacy';
import { trpc } from '../../lib/trpc';

type EraseDialogProps = { user: UserDto | null; onClose: () => void };

/**
 * Erases a person's personal data on their request (privacy.erase). Irreversible, so the admin types the
 * person's email first; the button stays off until it matches.
 */
export const EraseDialog = ({ user, onClose }: EraseDialogProps) => {
  const { t } = useTranslation('users');
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const erase = useMutation(
    trpc.privacy.erase.mutationOptions({
      onSuccess: async () => {
        toast.success(user ? t('erase.done', { name: user.name }) : t('erase.doneAnyone'));
        onClose();
        // Their name shows in lists across the app (orders, payments, the audit log), not just on this page.
        await queryClient.invalidateQueries();
      },
    }),
  );
  const isConfirmed = user !== null && isEraseConfirmed(typed, user.email);
  const confirm = () => {
    if (user && isConfirmed && !erase.isPending) erase.mutate({ userId: user.id, confirmEmail: typed.trim() });
  };

  return (
    <ConfirmDialog
      isOpen={user !== null}
      onOpenChange={(isOpen) => !isOpen && onClose()}
      size="md"
      title={user ? t('erase.title', { name: user.name }) : t('erase.titleAnyone')}
      description={t('erase.description')}
      confirmLabel={t('erase.confirm')}
      onConfirm={confirm}
      isConfirmDisabled={!isConfirmed}
      isPending={erase.isPending}
      error={erase.error ? errorMessage(erase.error, { SELF_SERVICE_FORBIDDEN: t('erase.selfForbidden') }) : null}
    >
      <div className="grid gap-3 text-sm text-zinc-700">
        <p>
          <Trans t={t} i18nKey="erase.erased" components={{ strong: <span className="font-medium text-zinc-900" /> }} />
        </p>
        <p>
          <Trans t={t} i18nKey="erase.kept" components={{ strong: <span className="font-medium text-zinc-900" /> }} />
        </p>
      </div>
      {user ? (
        <Field
          label={
            <Trans
              t={t}
              i18nKey="erase.typeEmail"
              values={{ email: user.email }}
              components={{ email: <span className="font-mono break-all" /> }}
            />
          }
        >
          <Input
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') confirm();
            }}
          />
        </Field>
      ) : null}
    </ConfirmDialog>
  );
};
