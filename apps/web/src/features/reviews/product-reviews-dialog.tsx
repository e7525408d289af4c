import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { MessageSquareText } from 'lucide-react';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '../../components/dialog';
import { EmptyState } from '../../components/empty-state';
import { Pagination } from '../../components/pagination';
import { PageSpinner } from '../../components/spinner';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { Stars } from './stars';

const PAGE_SIZE = 10;

type ReviewedProduct = { id: string; name: string; ratingAverage: number | null; ratingCount: number };

const ReviewList = ({ productId }: { productId: string }) => {
  const input = { limit: PAGE_SIZE, productId };
  const pages = useCursorPages(JSON.stringify(input));
  const query = useQuery({
    ...trpc.review.list.queryOptions({ ...input, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  if (query.isPending) return <PageSpinner label="Loading the reviews" />;
  if (query.isError) return <Alert>{errorMessage(query.error)}</Alert>;
  if (query.data.items.length === 0)
    return (
      <EmptyState
        icon={MessageSquareText}
        title="No reviews yet"
        description="People who bought this dish can rate it from their receipt."
      />
    );
  return (
    <div className="grid gap-2">
      <ul aria-label="Reviews" className="grid divide-y divide-zinc-100">
        {query.data.items.map((review) => (
          <li key={review.id} className="grid gap-1 py-3">
            <div className="flex flex-wrap items-center gap-2">
              <Stars rating={review.rating} />
              <span className="text-sm font-medium text-zinc-900">{review.userName}</span>
              <span className="text-xs text-zinc-600">{formatDate(review.createdAt)}</span>
              {review.status === 'hidden' ? <Badge tone="amber">Hidden</Badge> : null}
            </div>
            {review.comment ? <p className="text-sm whitespace-pre-line text-zinc-700">{review.comment}</p> : null}
          </li>
        ))}
      </ul>
      {pages.hasPrevious || query.data.nextCursor ? (
        <Pagination
          label="Review pages"
          page={pages.page}
          hasPrevious={pages.hasPrevious}
          hasNext={Boolean(query.data.nextCursor)}
          onPrevious={pages.goPrevious}
          onNext={() => query.data.nextCursor && pages.goNext(query.data.nextCursor)}
          isFetching={query.isFetching}
        />
      ) : null}
    </div>
  );
};

/** What people said about one dish, newest first. */
export const ProductReviewsDialog = ({ product, onClose }: { product: ReviewedProduct | null; onClose: () => void }) => (
  <Dialog open={product !== null} onOpenChange={(isOpen) => !isOpen && onClose()}>
    {product ? (
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>Reviews of {product.name}</DialogTitle>
          <DialogDescription>
            {product.ratingAverage !== null
              ? `Rated ${product.ratingAverage.toFixed(1)} out of 5 by ${product.ratingCount} ${product.ratingCount === 1 ? 'person' : 'people'}.`
              : 'Not rated yet.'}
          </DialogDescription>
        </DialogHeader>
        <ReviewList productId={product.id} />
      </DialogContent>
    ) : null}
  </Dialog>
);
