import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { Eye, EyeOff, MessageSquareText } from 'lucide-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'visible', 'hidden'];
const statusOptions = (t: TFunction<'reviews'>): SelectOption<StatusFilter>[] =>
  STATUS_FILTERS.map((value) => ({ value, label: t(`status.${value}`) }));

/** Moderation (managers): every review, newest first; hiding one takes it out of the menu's stars. */
export const ReviewsPage = () => {
  const { t } = useTranslation('reviews');
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
  const dishName = (productId: string) => productNames.get(productId) ?? t('unknownDish');
  const setReviewStatus = useMutation(
    trpc.review.setStatus.mutationOptions({
      onSuccess: async (review) => {
        toast.success(review.status === 'hidden' ? t('toast.hidden') : t('toast.visible'));
        await queryClient.invalidateQueries(trpc.review.pathFilter());
        await queryClient.invalidateQueries(trpc.product.list.pathFilter());
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Select aria-label={t('show')} value={status} onValueChange={setStatus} options={statusOptions(t)} className="w-44" />
        }
      />
      <Card>
        <ListView
          list={list}
          loadingLabel={t('loading')}
          pagesLabel={t('pages')}
          empty={{ icon: MessageSquareText, title: t('empty.title'), description: t('empty.description') }}
        >
          {(reviews) => (
            <DataTable
              caption={t('table.caption')}
              rows={reviews}
              columns={[
                {
                  header: t('table.dish'),
                  cell: (review) => (
                    <>
                      <span className="block font-medium text-zinc-900">{dishName(review.productId)}</span>
                      <span className="block text-xs text-zinc-600">
                        {review.userName} · {formatDateTime(review.createdAt)}
                      </span>
                      {/* On a phone the stars, the comment and the status move here, so Hide stays on screen. */}
                      <span className="mt-1.5 flex flex-wrap items-center gap-2 sm:hidden">
                        <Stars rating={review.rating} />
                        {review.status === 'hidden' ? <Badge tone="amber">{t('status.hidden')}</Badge> : null}
                      </span>
                      {review.comment ? (
                        <span className="mt-1 block text-sm whitespace-pre-line text-zinc-700 sm:hidden">{review.comment}</span>
                      ) : null}
                    </>
                  ),
                },
                {
                  header: t('table.rating'),
                  cell: (review) => <Stars rating={review.rating} />,
                  className: 'hidden sm:table-cell',
                },
                {
                  header: t('table.comment'),
                  className: 'hidden sm:table-cell',
                  headerClassName: 'w-1/2',
                  cellClassName: 'whitespace-pre-line',
                  cell: (review) => review.comment ?? <span className="text-zinc-500">{t('table.noComment')}</span>,
                },
                {
                  header: t('table.status'),
                  className: 'hidden sm:table-cell',
                  cell: (review) =>
                    review.status === 'hidden' ? (
                      <Badge tone="amber">{t('status.hidden')}</Badge>
                    ) : (
                      <Badge tone="green">{t('status.visible')}</Badge>
                    ),
                },
                {
                  header: t('table.actions'),
                  isHeaderHidden: true,
                  cellClassName: 'text-right',
                  cell: (review) => {
                    const isHidden = review.status === 'hidden';
                    return (
                      <Button
                        size="sm"
                        variant="secondary"
                        aria-label={t(isHidden ? 'unhideLabel' : 'hideLabel', {
                          name: review.userName,
                          dish: dishName(review.productId),
                        })}
                        isLoading={setReviewStatus.isPending && setReviewStatus.variables.id === review.id}
                        onClick={() => setReviewStatus.mutate({ id: review.id, status: isHidden ? 'visible' : 'hidden' })}
                      >
                        {isHidden ? <Eye aria-hidden /> : <EyeOff aria-hidden />}
                        {isHidden ? t('unhide') : t('hide')}
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
