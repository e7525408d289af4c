import type { ComponentProps } from 'react';
import { cn } from '../lib/utils';

/**
 * A semantic table that scrolls sideways on narrow screens instead of squashing its columns. The scroller is
 * positioned so it also holds the absolutely positioned screen-reader-only texts (a hidden "Actions" header),
 * which would otherwise widen the whole page on a phone.
 */
export const Table = ({ className, ...props }: ComponentProps<'table'>) => (
  <div className="relative overflow-x-auto">
    <table className={cn('w-full border-collapse text-left text-sm', className)} {...props} />
  </div>
);

export const THead = ({ className, ...props }: ComponentProps<'thead'>) => (
  <thead className={cn('border-b border-zinc-200 bg-zinc-50/80', className)} {...props} />
);

export const TBody = ({ className, ...props }: ComponentProps<'tbody'>) => (
  <tbody className={cn('divide-y divide-zinc-100', className)} {...props} />
);

export const TR = ({ className, ...props }: ComponentProps<'tr'>) => (
  <tr className={cn('transition-colors hover:bg-zinc-50/70', className)} {...props} />
);

export const TH = ({ className, ...props }: ComponentProps<'th'>) => (
  <th
    scope="col"
    className={cn(
      'px-4 py-2.5 text-xs font-medium tracking-wide whitespace-nowrap text-zinc-600 uppercase first:pl-5 last:pr-5 sm:first:pl-6 sm:last:pr-6',
      className,
    )}
    {...props}
  />
);

export const TD = ({ className, ...props }: ComponentProps<'td'>) => (
  <td
    className={cn('px-4 py-3 align-middle text-zinc-700 first:pl-5 last:pr-5 sm:first:pl-6 sm:last:pr-6', className)}
    {...props}
  />
);
