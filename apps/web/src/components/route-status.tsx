import { Link, type ErrorComponentProps } from '@tanstack/react-router';
import { Compass, TriangleAlert } from 'lucide-react';
import { Button } from './button';
import { EmptyState } from './empty-state';
import { Logo } from './logo';

export const NotFound = () => (
  <main className="mx-auto flex max-w-lg flex-col items-center px-4 py-16">
    <Logo />
    <EmptyState
      icon={Compass}
      title="Page not found"
      description="The page you were looking for doesn't exist or has moved."
      action={
        <Button asChild variant="secondary">
          <Link to="/">Go to Canteen</Link>
        </Button>
      }
    />
  </main>
);

/** A screen-level crash (usually a chunk that failed to load after a deploy). */
export const RouteError = ({ reset }: ErrorComponentProps) => (
  <main className="mx-auto max-w-lg px-4 py-16">
    <EmptyState
      icon={TriangleAlert}
      title="This page could not be shown"
      description="Something went wrong while loading it. Reloading usually helps."
      action={
        <div className="flex gap-2">
          <Button variant="secondary" onClick={reset}>
            Try again
          </Button>
          <Button onClick={() => window.location.reload()}>Reload</Button>
        </div>
      }
    />
  </main>
);
