import { MessageSquareText } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '../../components/dialog';
import { ListView } from '../../components/list-view';
import { Stars } from '../../components/stars';
import { formatDate, formatRating } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { usePagedList } from '../../lib/use-list';

const PAGE_SIZE = 10;

type ReviewedProduct = { id: string; name: string; ratingAverage: number | null; ratingCount: number };

const ReviewList = ({ productId }: { productId: string }) => {
  const { t } = useTranslation('menu');
  const list = usePagedList((cursor) => trpc.review.list.queryOptions({ limit: PAGE_SIZE, cursor, productId }));
  return (
    <ListView
      list={list}
      loadingLabel={t('reviews.loading')}
      pagesLabel={t('reviews.pages')}
      isPagingHiddenOnOnePage
      empty={{
        icon: MessageSquareText,
        title: t('reviews.empty.title'),
        description: t('reviews.empty.description'),
      }}
    >
      {(reviews) => (
        <ul aria-label={t('reviews.list')} className="grid divide-y divide-zinc-100">
          {reviews.map((review) => (
            <li key={review.id} className="grid gap-1 py-3">
              <div className="flex flex-wrap items-center gap-2">
                <Stars rating={review.rating} />
                <span className="text-sm font-medium text-zinc-900">{review.userName}</span>
                <span className="text-xs text-zinc-600">{formatDate(review.createdAt)}</span>
                {review.status === 'hidden' ? <Badge tone="amber">{t('reviews.hidden')}</Badge> : null}
              </div>
              {review.comment ? <p className="text-sm whitespace-pre-line text-zinc-700">{review.comment}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </ListView>
  );
};

/** What people said about one dish, newest first. */
export const ProductReviewsDialog = ({ product, onClose }: { product: ReviewedProduct | null; onClose: () => void }) => {
  const { t } = useTranslation('menu');
  return (
    <Dialog open={product !== null} onOpenChange={(isOpen) => !isOpen && onClose()}>
      {product ? (
        <DialogContent size="lg">
          <DialogHeader>
            <DialogTitle>{t('reviews.title', { dish: product.name })}</DialogTitle>
            <DialogDescription>
              {product.ratingAverage !== null
                ? t('reviews.rated', { average: formatRating(product.ratingAverage), count: product.ratingCount })
                : t('reviews.notRated')}
            </DialogDescription>
          </DialogHeader>
          <ReviewList productId={product.id} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
};
