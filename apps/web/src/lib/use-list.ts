import {
  type InfiniteData,
  type QueryKey,
  type UseInfiniteQueryOptions,
  type UseQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { type ChangeEvent, useState } from 'react';
import { useDebouncedValue } from './use-debounced-value';

/** What every list procedure returns (`pageOf` in @canteen/shared). */
type Page<T> = { items: T[]; nextCursor: string | null };

/** Previous/Next over a keyset-paged list: the total is unknown, so only the page number is known. */
export type PageControls = {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  isFetching: boolean;
};

/** "Load more" under a list that grows by a page at a time. */
export type MoreControls = {
  hasMore: boolean;
  isLoadingMore: boolean;
  /** Fetching again for new filters or after a change, not for the next page. */
  isRefreshing: boolean;
  loadMore: () => void;
};

/** A list as a page renders it, whichever way it pages (`ListView` draws the states). */
export type List<T> = {
  status: 'pending' | 'error' | 'success';
  error: unknown;
  /** Asks again after an error ("Try again"). */
  retry: () => void;
  items: T[];
  pages: PageControls | null;
  more: MoreControls | null;
};
type PagedList<T> = List<T> & { pages: PageControls; more: null };
type GrowingList<T> = List<T> & { pages: null; more: MoreControls };

/** Remembers the cursor of every page visited; a new `resetKey` (other filters) starts from the first page. */
const useCursorPages = (resetKey: string) => {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({ key: resetKey, cursors: [null] });
  const cursors = state.key === resetKey ? state.cursors : [null];
  return {
    cursor: cursors.at(-1) ?? null,
    page: cursors.length,
    goNext: (nextCursor: string) => setState({ key: resetKey, cursors: [...cursors, nextCursor] }),
    goPrevious: () => setState({ key: resetKey, cursors: cursors.slice(0, -1) }),
  };
};

/**
 * A cursor-paged list shown a page at a time, with Previous/Next. `options(cursor)` is the query of one page,
 * e.g. `(cursor) => trpc.user.list.queryOptions({ ...filters, cursor })`; when anything but the cursor changes
 * (the filters), it starts again from the first page. The page on screen stays while the next one loads.
 */
export const usePagedList = <TItem, TError, TKey extends QueryKey>(
  options: (cursor: string | null) => UseQueryOptions<Page<TItem>, TError, Page<TItem>, TKey>,
): PagedList<TItem> => {
  const pages = useCursorPages(JSON.stringify(options(null).queryKey));
  const query = useQuery({ ...options(pages.cursor), placeholderData: keepPreviousData });
  const nextCursor = query.data?.nextCursor ?? null;
  return {
    status: query.status,
    error: query.error,
    retry: () => void query.refetch(),
    items: query.data?.items ?? [],
    pages: {
      page: pages.page,
      hasPrevious: pages.page > 1,
      hasNext: nextCursor !== null,
      onPrevious: pages.goPrevious,
      onNext: () => {
        if (nextCursor !== null) pages.goNext(nextCursor);
      },
      isFetching: query.isFetching,
    },
    more: null,
  };
};

/** A cursor-paged list that grows: "Load more" appends the next page (the menu, the audit log). */
export const useLoadMoreList = <TItem, TError, TKey extends QueryKey, TCursor>(
  options: UseInfiniteQueryOptions<Page<TItem>, TError, InfiniteData<Page<TItem>, TCursor>, TKey, TCursor>,
): GrowingList<TItem> => {
  const query = useInfiniteQuery(options);
  return {
    status: query.status,
    error: query.error,
    retry: () => void query.refetch(),
    items: query.data?.pages.flatMap((page) => page.items) ?? [],
    pages: null,
    more: {
      hasMore: query.hasNextPage,
      isLoadingMore: query.isFetchingNextPage,
      isRefreshing: query.isFetching && !query.isFetchingNextPage,
      loadMore: () => void query.fetchNextPage(),
    },
  };
};

export type SearchBox = ReturnType<typeof useSearchBox>;

/** A search box: its text as typed, and the trimmed term to send once typing pauses. */
export const useSearchBox = (delayMs = 300) => {
  const [text, setText] = useState('');
  const term = useDebouncedValue(text.trim(), delayMs);
  return {
    term,
    inputProps: { value: text, onChange: (event: ChangeEvent<HTMLInputElement>) => setText(event.target.value) },
  };
};
