import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Alert } from '../../components/alert';
import { Card, CardDescription, CardHeader, CardTitle } from '../../components/card';
import { EmptyState, type EmptyStateProps } from '../../components/empty-state';
import { PageSpinner } from '../../components/spinner';
import { errorMessage } from '../../lib/errors';
import { cn } from '../../lib/utils';

type ReportCardProps<T> = {
  /** Names the section (a region) and its heading. */
  id: string;
  title: string;
  description?: ReactNode;
  /** The section's own controls: its Download CSV, a view toggle. */
  actions?: ReactNode;
  query: UseQueryResult<T, unknown>;
  loadingLabel: string;
  isEmpty: (data: T) => boolean;
  empty: EmptyStateProps;
  className?: string;
  children: (data: T) => ReactNode;
};

/**
 * One section of the Reports page: a card whose body is loading → error → empty → the report. While another
 * period loads, the last report stays on screen, dimmed and marked busy.
 */
export const ReportCard = <T,>({
  id,
  title,
  description,
  actions,
  query,
  loadingLabel,
  isEmpty,
  empty,
  className,
  children,
}: ReportCardProps<T>) => (
  // A container, so its table can show or fold columns by the card's own width (two cards side by side on a desktop).
  <Card aria-labelledby={id} className={cn('@container min-w-0', className)}>
    <CardHeader className="flex flex-wrap items-start justify-between gap-3 @md:flex-nowrap">
      <div className="grid min-w-0 gap-1">
        <CardTitle id={id}>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2 print:hidden">{actions}</div> : null}
    </CardHeader>
    {query.isPending ? (
      <PageSpinner label={loadingLabel} />
    ) : query.isError ? (
      <div className="p-5">
        <Alert>{errorMessage(query.error)}</Alert>
      </div>
    ) : isEmpty(query.data) ? (
      <EmptyState {...empty} />
    ) : (
      <div
        aria-busy={query.isPlaceholderData || undefined}
        className={cn('transition-opacity', query.isPlaceholderData && 'opacity-60')}
      >
        {children(query.data)}
      </div>
    )}
  </Card>
);

/** A row's part of the whole, as a thin bar under its name (the number beside it says the same in words). */
export const ShareBar = ({ value, max }: { value: number; max: number }) => (
  <div aria-hidden className="mt-1.5 h-1.5 w-full max-w-64 overflow-hidden rounded-full bg-zinc-100">
    <div
      className="h-full rounded-full bg-emerald-600"
      style={{ width: `${value > 0 && max > 0 ? Math.max(2, Math.min(100, (value / max) * 100)) : 0}%` }}
    />
  </div>
);

/** "42%": a part of a whole, for a table cell. */
export const formatShare = (value: number, total: number): string => (total > 0 ? `${Math.round((value / total) * 100)}%` : '—');
