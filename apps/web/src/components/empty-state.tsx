import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

export type EmptyStateProps = { icon: LucideIcon; title: string; description?: ReactNode; action?: ReactNode };

export const EmptyState = ({ icon: Icon, title, description, action }: EmptyStateProps) => (
  <div className="flex flex-col items-center justify-center gap-3 px-6 py-14 text-center">
    <div className="flex size-11 items-center justify-center rounded-full bg-zinc-100 text-zinc-500">
      <Icon aria-hidden className="size-5" />
    </div>
    <div className="grid gap-1">
      <p className="font-medium text-zinc-900">{title}</p>
      {description ? <p className="max-w-sm text-sm text-zinc-600">{description}</p> : null}
    </div>
    {action}
  </div>
);
