import { cva, type VariantProps } from 'class-variance-authority';
import type { LucideIcon } from 'lucide-react';
import { Slot } from 'radix-ui';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { cn } from '../lib/utils';
import { Spinner } from './spinner';

export const buttonVariants = cva(
  'inline-flex shrink-0 items-center justify-center gap-2 whitespace-nowrap rounded-lg text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 disabled:pointer-events-none disabled:opacity-60 [&_svg]:size-4 [&_svg]:shrink-0',
  {
    variants: {
      variant: {
        primary: 'bg-emerald-700 text-white shadow-sm hover:bg-emerald-800 active:bg-emerald-900',
        secondary: 'border border-zinc-300 bg-white text-zinc-900 shadow-xs hover:bg-zinc-50 active:bg-zinc-100',
        ghost: 'text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900',
        danger: 'bg-red-600 text-white shadow-sm hover:bg-red-700 active:bg-red-800',
        link: 'h-auto px-0 text-emerald-700 underline-offset-4 hover:underline',
      },
      size: {
        sm: 'h-8 px-3',
        md: 'h-10 px-4',
        lg: 'h-11 px-5 text-base',
        icon: 'size-9',
      },
    },
    defaultVariants: { variant: 'primary', size: 'md' },
  },
);

/** The spinner of a button whose action runs: "Working" for screen readers. */
const WorkingSpinner = () => {
  const { t } = useTranslation('common');
  return <Spinner label={t('working')} />;
};

type ButtonProps = ComponentProps<'button'> &
  VariantProps<typeof buttonVariants> & {
    /** Render the child element (a link) with button styling instead of a <button>. */
    asChild?: boolean;
    isLoading?: boolean;
  };

export const Button = ({ className, variant, size, asChild = false, isLoading = false, children, ...props }: ButtonProps) => {
  if (asChild) {
    return (
      <Slot.Root className={cn(buttonVariants({ variant, size }), className)} {...props}>
        {children}
      </Slot.Root>
    );
  }
  return (
    <button
      type="button"
      className={cn(buttonVariants({ variant, size }), className)}
      {...props}
      disabled={props.disabled || isLoading}
      aria-busy={isLoading || undefined}
    >
      {isLoading ? <WorkingSpinner /> : null}
      {children}
    </button>
  );
};

type IconButtonProps = Omit<ComponentProps<'button'>, 'children'> & { label: string; icon: LucideIcon };

/** A small ghost button that shows only an icon; `label` is its accessible name. */
export const IconButton = ({ label, icon: Icon, className, ...props }: IconButtonProps) => (
  <Button variant="ghost" size="icon" className={cn('size-8', className)} aria-label={label} {...props}>
    <Icon aria-hidden />
  </Button>
);
