import { QueryView } from '../../components/query-view';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Eye, EyeOff, MessageSquareText } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { Pagination } from '../../components/pagination';
import { Select } from '../../components/select';
import { TBody, TD, TH, THead, TR, Table } from '../../components/table';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { Stars } from './stars';

const PAGE_SIZE = 20;
type StatusFilter = 'all' | 'visible' | 'hidden';
const STATUS_OPTIONS = [
  { value: 'all', label: 'All reviews' },
  { value: 'visible', label: 'Visible' },
  { value: 'hidden', label: 'Hidden' },
] as const;

/** Moderation (managers): every review, newest first; hiding one takes it out of the menu's stars. */
export const ReviewsPage = () => {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<StatusFilter>('all');
  const input = { limit: PAGE_SIZE, ...(status === 'all' ? {} : { status }) };
  const pages = useCursorPages(JSON.stringify(input));
  const query = useQuery({
    ...trpc.review.list.queryOptions({ ...input, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const productIds = [...new Set(query.data?.items.map((review) => review.productId) ?? [])];
  const products = useQueries({
    queries: productIds.map((id) => ({ ...trpc.product.byId.queryOptions({ id }), staleTime: 5 * 60_000 })),
  });
  const productNames = new Map(products.flatMap((product) => (product.data ? [[product.data.id, product.data.name]] : [])));
  const setReviewStatus = useMutation(
    trpc.review.setStatus.mutationOptions({
      onSuccess: async (review) => {
        toast.success(review.status === 'hidden' ? 'Review hidden.' : 'Review visible again.');
        await queryClient.invalidateQueries(trpc.review.pathFilter());
        await queryClient.invalidateQueries(trpc.product.list.pathFilter());
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );

  return (
    <>
      <PageHeader
        title="Reviews"
        description="What people say about the dishes. Hide anything that should not be published."
        actions={
          <Select
            aria-label="Show"
            value={status}
            onValueChange={(value) => setStatus(value as StatusFilter)}
            options={STATUS_OPTIONS}
            className="w-44"
          />
        }
      />
      <Card>
        <QueryView
          query={query}
          loadingLabel="Loading the reviews"
          empty={
            <EmptyState
              icon={MessageSquareText}
              title="No reviews here"
              description="Reviews appear when people rate their lunch."
            />
          }
        >
          {(data) => (
            <>
              <Table>
                <caption className="sr-only">Reviews</caption>
                <THead>
                  <tr>
                    <TH>Dish</TH>
                    <TH>Rating</TH>
                    <TH className="w-1/2">Comment</TH>
                    <TH>Status</TH>
                    <TH>
                      <span className="sr-only">Actions</span>
                    </TH>
                  </tr>
                </THead>
                <TBody>
                  {data.items.map((review) => {
                    const dish = productNames.get(review.productId) ?? 'Dish';
                    const isHidden = review.status === 'hidden';
                    return (
                      <TR key={review.id}>
                        <TD>
                          <span className="block font-medium text-zinc-900">{dish}</span>
                          <span className="block text-xs text-zinc-600">
                            {review.userName} · {formatDateTime(review.createdAt)}
                          </span>
                        </TD>
                        <TD>
                          <Stars rating={review.rating} />
                        </TD>
                        <TD className="whitespace-pre-line">
                          {review.comment ?? <span className="text-zinc-500">No comment</span>}
                        </TD>
                        <TD>{isHidden ? <Badge tone="amber">Hidden</Badge> : <Badge tone="green">Visible</Badge>}</TD>
                        <TD className="text-right">
                          <Button
                            size="sm"
                            variant="secondary"
                            aria-label={`${isHidden ? 'Unhide' : 'Hide'} ${review.userName}'s review of ${dish}`}
                            isLoading={setReviewStatus.isPending && setReviewStatus.variables.id === review.id}
                            onClick={() => setReviewStatus.mutate({ id: review.id, status: isHidden ? 'visible' : 'hidden' })}
                          >
                            {isHidden ? <Eye aria-hidden /> : <EyeOff aria-hidden />}
                            {isHidden ? 'Unhide' : 'Hide'}
                          </Button>
                        </TD>
                      </TR>
                    );
                  })}
                </TBody>
              </Table>
              <Pagination
                label="Review pages"
                page={pages.page}
                hasPrevious={pages.hasPrevious}
                hasNext={Boolean(data.nextCursor)}
                onPrevious={pages.goPrevious}
                onNext={() => data.nextCursor && pages.goNext(data.nextCursor)}
                isFetching={query.isFetching}
              />
            </>
          )}
        </QueryView>
      </Card>
    </>
  );
};
