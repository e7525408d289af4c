import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './alert';
import { Button } from './button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from './dialog';

type FormDialogProps = {
  isOpen: boolean;
  /** Closing by Cancel, Escape, the overlay or the close button all come here with false. */
  onOpenChange: (isOpen: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  /** A message for the whole form rather than one field. */
  error?: string | null | undefined;
  /** The browser's own submit is already stopped; a react-hook-form `handleSubmit(...)` fits as it is. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => unknown;
  submitLabel: ReactNode;
  isSubmitting: boolean;
  submitVariant?: 'primary' | 'danger';
  children: ReactNode;
};

/** A dialog that is one form: title and description, the form's error, its fields, then Cancel and submit. */
export const FormDialog = ({
  isOpen,
  onOpenChange,
  title,
  description,
  size,
  error,
  onSubmit,
  submitLabel,
  isSubmitting,
  submitVariant,
  children,
}: FormDialogProps) => {
  const { t } = useTranslation('common');
  return (
    <Dialog open={isOpen} onOpenChange={onOpenChange}>
      <DialogContent size={size}>
        <form
          noValidate
          className="grid gap-5"
          onSubmit={(event) => {
            event.preventDefault();
            void onSubmit(event);
          }}
        >
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
          {error ? <Alert>{error}</Alert> : null}
          {children}
          <DialogFooter>
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
              {t('cancel')}
            </Button>
            <Button type="submit" variant={submitVariant} isLoading={isSubmitting}>
              {submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
};
