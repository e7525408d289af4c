import { X } from 'lucide-react';
import { AlertDialog as AlertDialogPrimitive, Dialog as DialogPrimitive } from 'radix-ui';
import { type ComponentProps, type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { cn } from '../lib/utils';
import { Button } from './button';

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

const overlayClasses = 'fixed inset-0 z-40 bg-zinc-950/40 backdrop-blur-[2px] data-[state=open]:animate-[fade-in_150ms_ease-out]';
const panelClasses =
  'fixed top-1/2 left-1/2 z-50 grid max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 gap-5 overflow-y-auto rounded-xl border border-zinc-200 bg-white p-5 shadow-xl focus:outline-none data-[state=open]:animate-[zoom-in_150ms_ease-out] sm:p-6';

type DialogContentProps = ComponentProps<typeof DialogPrimitive.Content> & { size?: 'sm' | 'md' | 'lg' };
const SIZES = { sm: 'max-w-sm', md: 'max-w-lg', lg: 'max-w-2xl' } as const;

const OVERLAYS = '[role="dialog"],[role="alertdialog"],[role="menu"],[role="listbox"]';

// The last element focused outside dialogs and menus: the best guess at what opened a dialog when the
// opener itself is gone (a menu item) or focus already sits on <body> (Radix restores a menu's focus late).
let lastOpener: HTMLElement | null = null;
if (typeof document !== 'undefined') {
  document.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLElement && !event.target.closest(OVERLAYS)) lastOpener = event.target;
  });
}

const focusOrigin = (): HTMLElement | null => {
  const active = document.activeElement;
  if (active instanceof HTMLElement && active !== document.body && !active.closest(OVERLAYS)) return active;
  return lastOpener;
};

/**
 * Our dialogs are opened from buttons, table rows and menus rather than from a Radix Trigger, so Radix would
 * drop focus on <body> when they close. Send it back to where the user was instead.
 */
const useReturnFocus = () => {
  const origin = useRef<HTMLElement | null>(null);
  return {
    // Radix calls this before it moves focus into the dialog, so the opener still has it.
    onOpenAutoFocus: () => {
      origin.current = focusOrigin();
    },
    onCloseAutoFocus: (event: Event) => {
      if (!origin.current?.isConnected) return;
      event.preventDefault();
      origin.current.focus();
    },
  };
};

export const DialogContent = ({ className, children, size = 'md', ...props }: DialogContentProps) => {
  const { t } = useTranslation('common');
  const returnFocus = useReturnFocus();
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className={overlayClasses} />
      <DialogPrimitive.Content className={cn(panelClasses, SIZES[size], className)} {...returnFocus} {...props}>
        {children}
        <DialogPrimitive.Close asChild>
          <Button variant="ghost" size="icon" className="absolute top-3 right-3 size-8" aria-label={t('close')}>
            <X aria-hidden />
          </Button>
        </DialogPrimitive.Close>
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
};

export const DialogHeader = ({ className, ...props }: ComponentProps<'div'>) => (
  <div className={cn('grid gap-1.5 pr-8', className)} {...props} />
);

export const DialogTitle = ({ className, ...props }: ComponentProps<typeof DialogPrimitive.Title>) => (
  <DialogPrimitive.Title className={cn('text-lg font-semibold text-zinc-900', className)} {...props} />
);

export const DialogDescription = ({ className, ...props }: ComponentProps<typeof DialogPrimitive.Description>) => (
  <DialogPrimitive.Description className={cn('text-sm text-zinc-600', className)} {...props} />
);

export const DialogFooter = ({ className, ...props }: ComponentProps<'div'>) => (
  <div className={cn('flex flex-col-reverse gap-2 sm:flex-row sm:justify-end', className)} {...props} />
);

type ConfirmDialogProps = {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** When "Cancel" would be ambiguous (cancelling an order): what keeps things as they are. */
  cancelLabel?: string;
  onConfirm: () => void;
  isPending?: boolean;
  error?: string | null;
  /** Confirming something that is not destructive (a bulk credit) uses the primary colour. */
  confirmVariant?: 'danger' | 'primary';
  /** Keeps the confirm button off until the person has done what `children` asks (e.g. typed a name). */
  isConfirmDisabled?: boolean;
  /** Anything between the description and the buttons: details, or a field the confirmation needs. */
  children?: ReactNode;
  size?: 'sm' | 'md';
};

/** A destructive confirmation: focus starts on Cancel, and the dialog stays open while the action runs. */
export const ConfirmDialog = ({
  isOpen,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel,
  onConfirm,
  isPending,
  error,
  confirmVariant = 'danger',
  isConfirmDisabled = false,
  children,
  size = 'sm',
}: ConfirmDialogProps) => {
  const { t } = useTranslation('common');
  const returnFocus = useReturnFocus();
  return (
    <AlertDialogPrimitive.Root open={isOpen} onOpenChange={onOpenChange}>
      <AlertDialogPrimitive.Portal>
        <AlertDialogPrimitive.Overlay className={overlayClasses} />
        <AlertDialogPrimitive.Content className={cn(panelClasses, SIZES[size])} {...returnFocus}>
          <div className="grid gap-1.5">
            <AlertDialogPrimitive.Title className="text-lg font-semibold text-zinc-900">{title}</AlertDialogPrimitive.Title>
            <AlertDialogPrimitive.Description className="text-sm text-zinc-600">{description}</AlertDialogPrimitive.Description>
          </div>
          {children}
          {error ? (
            <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
              {error}
            </p>
          ) : null}
          <DialogFooter>
            <AlertDialogPrimitive.Cancel asChild>
              <Button variant="secondary">{cancelLabel ?? t('cancel')}</Button>
            </AlertDialogPrimitive.Cancel>
            <Button variant={confirmVariant} isLoading={isPending} disabled={isConfirmDisabled} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </DialogFooter>
        </AlertDialogPrimitive.Content>
      </AlertDialogPrimitive.Portal>
    </AlertDialogPrimitive.Root>
  );
};
