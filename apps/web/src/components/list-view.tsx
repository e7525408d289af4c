import { type LucideIcon, SearchX } from 'lucide-react';
import type { ReactNode } from 'react';
import type { List } from '../lib/use-list';
import { ErrorAlert } from './alert';
import { EmptyState, type EmptyStateProps } from './empty-state';
import { Pagination } from './pagination';
import { PageSpinner } from './spinner';

type ListViewProps<T> = {
  list: List<T>;
  loadingLabel: string;
  /** What an empty list says. */
  empty: EmptyStateProps;
  /** What it says instead while filters are on (`isFiltered`): by default with a "no match" icon. */
  noMatch?: Omit<EmptyStateProps, 'icon'> & { icon?: LucideIcon };
  isFiltered?: boolean;
  /** The name of the Previous/Next navigation under a paged list, e.g. "Users pages". */
  pagesLabel?: string;
  /** Leave the navigation out while everything fits on one page. */
  isPagingHiddenOnOnePage?: boolean;
  children: (items: T[]) => ReactNode;
};

/** The one loading → error → empty → items (+ Previous/Next) switch every list needs. */
export const ListView = <T,>({
  list,
  loadingLabel,
  empty,
  noMatch,
  isFiltered,
  pagesLabel,
  isPagingHiddenOnOnePage,
  children,
}: ListViewProps<T>) => {
  if (list.status === 'pending') return <PageSpinner label={loadingLabel} />;
  if (list.status === 'error') {
    return (
      <div className="p-5">
        <ErrorAlert error={list.error} onRetry={list.retry} />
      </div>
    );
  }
  if (list.items.length === 0) {
    return isFiltered && noMatch ? <EmptyState icon={SearchX} {...noMatch} /> : <EmptyState {...empty} />;
  }
  const { pages } = list;
  const isPagingShown = pages !== null && pagesLabel && !(isPagingHiddenOnOnePage && !pages.hasPrevious && !pages.hasNext);
  return (
    <>
      {children(list.items)}
      {isPagingShown ? <Pagination label={pagesLabel} pages={pages} /> : null}
    </>
  );
};
