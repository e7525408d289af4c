import { cva, type VariantProps } from 'class-variance-authority';
import { CircleAlert, CircleCheck, Info, TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';
import { cn } from '../lib/utils';
import { Button } from './button';

const alertVariants = cva('flex gap-3 rounded-lg border px-3.5 py-3 text-sm', {
  variants: {
    tone: {
      error: 'border-red-200 bg-red-50 text-red-800',
      warning: 'border-amber-200 bg-amber-50 text-amber-900',
      info: 'border-sky-200 bg-sky-50 text-sky-900',
      success: 'border-emerald-200 bg-emerald-50 text-emerald-900',
    },
  },
  defaultVariants: { tone: 'error' },
});

const ICONS = { error: CircleAlert, warning: TriangleAlert, info: Info, success: CircleCheck } as const;

type AlertProps = VariantProps<typeof alertVariants> & {
  title?: string;
  children?: ReactNode;
  className?: string;
  /** A button that fixes it ("Try again"), at the end of the line. */
  action?: ReactNode;
};

/** Errors are announced (role=alert); other tones are polite status messages. */
export const Alert = ({ tone = 'error', title, children, className, action }: AlertProps) => {
  const Icon = ICONS[tone ?? 'error'];
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={cn(alertVariants({ tone }), className)}>
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="grid flex-1 gap-0.5">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div>{children}</div> : null}
      </div>
      {action ? <div className="-my-1 shrink-0 self-center">{action}</div> : null}
    </div>
  );
};

/** A query that failed: what went wrong in words, and "Try again". */
export const ErrorAlert = ({ error, onRetry, className }: { error: unknown; onRetry: () => void; className?: string }) => {
  const { t } = useTranslation('common');
  return (
    <Alert
      className={className}
      action={
        <Button variant="secondary" size="sm" onClick={onRetry}>
          {t('tryAgain')}
        </Button>
      }
    >
      {errorMessage(error)}
    </Alert>
  );
};
