import type { ProductDto } from '@canteen/shared';
import { MAX_PAGE_SIZE } from '@canteen/shared/constants';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { trpc } from '../../lib/trpc';

/** The daily dishes a manager can plan: the active dishes marked `isScheduled`, by name, every page of them. */
export const useScheduledDishes = (): { dishes: ProductDto[]; isPending: boolean } => {
  const query = useInfiniteQuery(
    trpc.product.list.infiniteQueryOptions(
      { limit: MAX_PAGE_SIZE, sort: 'name', isScheduled: true },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const dishes = useMemo(
    () => (query.data?.pages ?? []).flatMap((page) => page.items).filter((dish) => dish.isScheduled && dish.isActive),
    [query.data],
  );
  return { dishes, isPending: query.isPending || hasNextPage };
};
