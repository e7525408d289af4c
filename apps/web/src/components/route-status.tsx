import { Link, type ErrorComponentProps } from '@tanstack/react-router';
import { Compass, TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { EmptyState } from './empty-state';
import { Logo } from './logo';
import { PageHeader } from './page-header';

/** An address the app does not know, inside the app shell for someone signed in: a heading and a way back. */
export const NotFoundPage = () => {
  const { t } = useTranslation('app');
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <EmptyState
        icon={Compass}
        title={t('notFound.title')}
        description={t('notFound.description')}
        action={
          <Button asChild variant="secondary">
            <Link to="/menu">{t('notFound.home')}</Link>
          </Button>
        }
      />
    </>
  );
};

/** The same outside the shell (before the session is known). */
export const NotFound = () => {
  const { t } = useTranslation('common');
  return (
    <main className="mx-auto flex max-w-lg flex-col items-center px-4 py-16">
      <Logo />
      <h1 className="sr-only">{t('notFound.title')}</h1>
      <EmptyState
        icon={Compass}
        title={t('notFound.title')}
        description={t('notFound.description')}
        action={
          <Button asChild variant="secondary">
            <Link to="/">{t('notFound.home')}</Link>
          </Button>
        }
      />
    </main>
  );
};

/** A screen-level crash (usually a chunk that failed to load after a deploy). */
export const RouteError = ({ reset }: ErrorComponentProps) => {
  const { t } = useTranslation('common');
  return (
    <main className="mx-auto max-w-lg px-4 py-16">
      <EmptyState
        icon={TriangleAlert}
        title={t('routeError.title')}
        description={t('routeError.description')}
        action={
          <div className="flex gap-2">
            <Button variant="secondary" onClick={reset}>
              {t('tryAgain')}
            </Button>
            <Button onClick={() => window.location.reload()}>{t('routeError.reload')}</Button>
          </div>
        }
      />
    </main>
  );
};
