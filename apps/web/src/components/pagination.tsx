import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from './button';
import { Spinner } from './spinner';

type PaginationProps = {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  isFetching?: boolean;
  label?: string;
};

/** Previous/Next over a cursor-paged list (the total is unknown, so only the page number is shown). */
export const Pagination = ({
  page,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  isFetching,
  label = 'Pagination',
}: PaginationProps) => (
  <nav aria-label={label} className="flex items-center justify-between gap-3 border-t border-zinc-100 px-5 py-3 sm:px-6">
    <p className="flex items-center gap-2 text-sm text-zinc-600">
      Page {page}
      {isFetching ? <Spinner label="Loading page" className="size-3.5" /> : null}
    </p>
    <div className="flex gap-2">
      <Button variant="secondary" size="sm" onClick={onPrevious} disabled={!hasPrevious}>
        <ChevronLeft aria-hidden />
        Previous
      </Button>
      <Button variant="secondary" size="sm" onClick={onNext} disabled={!hasNext}>
        Next
        <ChevronRight aria-hidden />
      </Button>
    </div>
  </nav>
);
