import type { UserDto } from '@canteen/shared';
import { useMutation } from '@tanstack/react-query';
import { KeyRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { CopyButton } from '../../components/copy-button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '../../components/dialog';
import { Field } from '../../components/field';
import { Input } from '../../components/input';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { trpc } from '../../lib/trpc';

type ResetLinkDialogProps = { user: UserDto | null; onClose: () => void };

/** A one-time link for someone who forgot their password; making a new one cancels the previous one. */
export const ResetLinkDialog = ({ user, onClose }: ResetLinkDialogProps) => {
  const { t } = useTranslation('users');
  const resetLink = useMutation(trpc.user.resetLink.mutationOptions());
  const link = resetLink.data ? `${window.location.origin}${resetLink.data.path}` : null;

  return (
    <Dialog open={user !== null} onOpenChange={(isOpen) => !isOpen && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{user ? t('resetLink.titleFor', { name: user.name }) : t('resetLink.title')}</DialogTitle>
          <DialogDescription>{t('resetLink.description')}</DialogDescription>
        </DialogHeader>
        {resetLink.error ? <Alert>{errorMessage(resetLink.error)}</Alert> : null}
        {link && resetLink.data ? (
          <div className="grid gap-2">
            <Field
              label={t('resetLink.link')}
              hint={t('resetLink.validUntil', { date: formatDateTime(resetLink.data.expiresAt) })}
            >
              <Input readOnly value={link} className="font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
            </Field>
            <div>
              <CopyButton text={link} label={t('resetLink.copy')} />
            </div>
          </div>
        ) : null}
        <DialogFooter>
          <Button variant="secondary" onClick={onClose}>
            {link ? t('resetLink.done') : t('resetLink.cancel')}
          </Button>
          {link ? null : (
            <Button onClick={() => user && resetLink.mutate({ id: user.id })} isLoading={resetLink.isPending}>
              <KeyRound aria-hidden />
              {t('resetLink.create')}
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
};
