import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { Eye, EyeOff, MessageSquareText } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { DataTable } from '../../components/data-table';
import { ListView } from '../../components/list-view';
import { PageHeader } from '../../components/page-header';
import { Select, type SelectOption } from '../../components/select';
import { Stars } from '../../components/stars';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { usePagedList } from '../../lib/use-list';

const PAGE_SIZE = 20;
type StatusFilter = 'all' | 'visible' | 'hidden';
const STATUS_OPTIONS: SelectOption<StatusFilter>[] = [
  { value: 'all', label: 'All reviews' },
  { value: 'visible', label: 'Visible' },
  { value: 'hidden', label: 'Hidden' },
];

/** Moderation (managers): every review, newest first; hiding one takes it out of the menu's stars. */
export const ReviewsPage = () => {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<StatusFilter>('all');
  const list = usePagedList((cursor) =>
    trpc.review.list.queryOptions({ limit: PAGE_SIZE, cursor, ...(status === 'all' ? {} : { status }) }),
  );
  const productIds = [...new Set(list.items.map((review) => review.productId))];
  const products = useQueries({
    queries: productIds.map((id) => ({ ...trpc.product.byId.queryOptions({ id }), staleTime: 5 * 60_000 })),
  });
  const productNames = new Map(products.flatMap((product) => (product.data ? [[product.data.id, product.data.name]] : [])));
  const dishName = (productId: string) => productNames.get(productId) ?? 'Dish';
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
        actions={<Select aria-label="Show" value={status} onValueChange={setStatus} options={STATUS_OPTIONS} className="w-44" />}
      />
      <Card>
        <ListView
          list={list}
          loadingLabel="Loading the reviews"
          pagesLabel="Review pages"
          empty={{
            icon: MessageSquareText,
            title: 'No reviews here',
            description: 'Reviews appear when people rate their lunch.',
          }}
        >
          {(reviews) => (
            <DataTable
              caption="Reviews"
              rows={reviews}
              columns={[
                {
                  header: 'Dish',
                  cell: (review) => (
                    <>
                      <span className="block font-medium text-zinc-900">{dishName(review.productId)}</span>
                      <span className="block text-xs text-zinc-600">
                        {review.userName} · {formatDateTime(review.createdAt)}
                      </span>
                    </>
                  ),
                },
                { header: 'Rating', cell: (review) => <Stars rating={review.rating} /> },
                {
                  header: 'Comment',
                  headerClassName: 'w-1/2',
                  cellClassName: 'whitespace-pre-line',
                  cell: (review) => review.comment ?? <span className="text-zinc-500">No comment</span>,
                },
                {
                  header: 'Status',
                  cell: (review) =>
                    review.status === 'hidden' ? <Badge tone="amber">Hidden</Badge> : <Badge tone="green">Visible</Badge>,
                },
                {
                  header: 'Actions',
                  isHeaderHidden: true,
                  cellClassName: 'text-right',
                  cell: (review) => {
                    const isHidden = review.status === 'hidden';
                    return (
                      <Button
                        size="sm"
                        variant="secondary"
                        aria-label={`${isHidden ? 'Unhide' : 'Hide'} ${review.userName}'s review of ${dishName(review.productId)}`}
                        isLoading={setReviewStatus.isPending && setReviewStatus.variables.id === review.id}
                        onClick={() => setReviewStatus.mutate({ id: review.id, status: isHidden ? 'visible' : 'hidden' })}
                      >
                        {isHidden ? <Eye aria-hidden /> : <EyeOff aria-hidden />}
                        {isHidden ? 'Unhide' : 'Hide'}
                      </Button>
                    );
                  },
                },
              ]}
            />
          )}
        </ListView>
      </Card>
    </>
  );
};
