import type { UserDto } from '@canteen/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
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
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const erase = useMutation(
    trpc.privacy.erase.mutationOptions({
      onSuccess: async () => {
        toast.success(`Erased the personal data of ${user?.name ?? 'this person'}.`);
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
      title={`Erase ${user?.name ?? 'this person'}'s personal data?`}
      description="Do this only when they ask for it. It cannot be undone."
      confirmLabel="Erase personal data"
      onConfirm={confirm}
      isConfirmDisabled={!isConfirmed}
      isPending={erase.isPending}
      error={
        erase.error
          ? errorMessage(erase.error, { SELF_SERVICE_FORBIDDEN: 'You cannot erase your own data. Ask another admin.' })
          : null
      }
    >
      <div className="grid gap-3 text-sm text-zinc-700">
        <p>
          <span className="font-medium text-zinc-900">Erased:</span> their name, email and employee number are replaced, their
          password and two-factor key are removed, they are signed out and can never sign in again, and the address and browser
          are removed from everything they did in the audit log.
        </p>
        <p>
          <span className="font-medium text-zinc-900">Kept:</span> their orders, wallet entries and card payments stay, shown as
          “Erased person”, so every balance and report still adds up.
        </p>
      </div>
      {user ? (
        <Field
          label={
            <>
              To confirm, type their email <span className="font-mono break-all">{user.email}</span>
            </>
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
