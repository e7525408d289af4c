import { Utensils } from 'lucide-react';
import { cn } from '../lib/utils';

/** `compact`: the name only for screen readers below 400 px (the header's room on a phone goes to the balance and the bell). */
export const Logo = ({ className, compact = false }: { className?: string; compact?: boolean }) => (
  <span className={cn('inline-flex items-center gap-2 font-semibold tracking-tight text-zinc-900', className)}>
    <span className="flex size-8 items-center justify-center rounded-lg bg-emerald-700 text-white shadow-sm">
      <Utensils aria-hidden className="size-4" />
    </span>
    <span className={cn(compact && 'max-[399px]:sr-only')}>Canteen</span>
  </span>
);
