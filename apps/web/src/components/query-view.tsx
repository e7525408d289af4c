import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorMessage } from '../lib/errors';
import { Alert } from './alert';
import { PageSpinner } from './spinner';

type QueryViewProps<T extends { items: unknown[] }, E> = {
  query: UseQueryResult<T, E>;
  loadingLabel: string;
  /** Shown when the query succeeded with no items. */
  empty: ReactNode;
  children: (data: T) => ReactNode;
};

/** The one loading → error → empty → content switch every list page needs. */
export const QueryView = <T extends { items: unknown[] }, E>({ query, loadingLabel, empty, children }: QueryViewProps<T, E>) => {
  if (query.isPending) return <PageSpinner label={loadingLabel} />;
  if (query.isError) {
    return (
      <div className="p-5">
        <Alert>{errorMessage(query.error)}</Alert>
      </div>
    );
  }
  return query.data.items.length === 0 ? empty : children(query.data);
};
