import { LoaderCircle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { cn } from '../lib/utils';

type SpinnerProps = { className?: string; label?: string };

export const Spinner = ({ className, label }: SpinnerProps) => {
  const { t } = useTranslation('common');
  return (
    <span role="status" className="inline-flex items-center">
      <LoaderCircle aria-hidden className={cn('size-4 animate-spin', className)} />
      <span className="sr-only">{label ?? t('loading')}</span>
    </span>
  );
};

/** Centered spinner for a page or a panel that is still loading. */
export const PageSpinner = ({ label }: { label?: string }) => (
  <div className="flex min-h-48 items-center justify-center text-zinc-500">
    <Spinner className="size-6" label={label} />
  </div>
);
