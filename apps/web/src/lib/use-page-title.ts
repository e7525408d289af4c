import { useEffect } from 'react';

/** Names the browser tab (and what screen readers announce on navigation) after the current page. */
export const usePageTitle = (title: string): void => {
  useEffect(() => {
    document.title = `${title} · Canteen`;
  }, [title]);
};
