import { Utensils } from 'lucide-react';
import { cn } from '../lib/utils';

export const Logo = ({ className }: { className?: string }) => (
  <span className={cn('inline-flex items-center gap-2 font-semibold tracking-tight text-zinc-900', className)}>
    <span className="flex size-8 items-center justify-center rounded-lg bg-emerald-700 text-white shadow-sm">
      <Utensils aria-hidden className="size-4" />
    </span>
    Canteen
  </span>
);
