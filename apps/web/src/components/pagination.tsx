import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PageControls } from '../lib/use-list';
import { Button } from './button';
import { Spinner } from './spinner';

/** Previous/Next over a cursor-paged list (the total is unknown, so only the page number is shown). */
export const Pagination = ({ label, pages }: { label: string; pages: PageControls }) => {
  const { t } = useTranslation('common');
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3 border-t border-zinc-100 px-5 py-3 sm:px-6">
      <p className="flex items-center gap-2 text-sm text-zinc-600">
        {t('pagination.page', { page: pages.page })}
        {pages.isFetching ? <Spinner label={t('pagination.loading')} className="size-3.5" /> : null}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" onClick={pages.onPrevious} disabled={!pages.hasPrevious}>
          <ChevronLeft aria-hidden />
          {t('pagination.previous')}
        </Button>
        <Button variant="secondary" size="sm" onClick={pages.onNext} disabled={!pages.hasNext}>
          {t('pagination.next')}
          <ChevronRight aria-hidden />
        </Button>
      </div>
    </nav>
  );
};
