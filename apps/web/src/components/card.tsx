import type { ComponentProps } from 'react';
import { cn } from '../lib/utils';

export const Card = ({ className, ...props }: ComponentProps<'section'>) => (
  <section className={cn('rounded-xl border border-zinc-200 bg-white shadow-xs', className)} {...props} />
);

export const CardHeader = ({ className, ...props }: ComponentProps<'div'>) => (
  <div className={cn('grid gap-1 border-b border-zinc-100 px-5 py-4 sm:px-6', className)} {...props} />
);

export const CardTitle = ({ className, ...props }: ComponentProps<'h2'>) => (
  <h2 className={cn('text-base font-semibold text-zinc-900', className)} {...props} />
);

export const CardDescription = ({ className, ...props }: ComponentProps<'p'>) => (
  <p className={cn('text-sm text-zinc-600', className)} {...props} />
);

export const CardContent = ({ className, ...props }: ComponentProps<'div'>) => (
  <div className={cn('px-5 py-5 sm:px-6', className)} {...props} />
);

export const CardFooter = ({ className, ...props }: ComponentProps<'div'>) => (
  <div
    className={cn(
      'flex flex-wrap items-center justify-end gap-2 rounded-b-xl border-t border-zinc-100 bg-zinc-50/60 px-5 py-3 sm:px-6',
      className,
    )}
    {...props}
  />
);
