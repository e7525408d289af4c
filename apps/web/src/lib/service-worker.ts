import { registerSW } from 'virtual:pwa-register';
import { i18next } from './i18n';

/**
 * The service worker (vite-plugin-pwa, Workbox) keeps the app shell and the last menu, so an installed Canteen
 * starts at once on a phone. A new version waits until the person chooses to reload, so nothing they typed is lost.
 */
export const startServiceWorker = (): void => {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const update = registerSW({
    onNeedRefresh: () =>
      void import('sonner').then(({ toast }) =>
        toast(i18next.t('app:update.ready'), {
          duration: Number.POSITIVE_INFINITY,
          action: { label: i18next.t('app:update.reload'), onClick: () => void update(true) },
        }),
      ),
  });
};
