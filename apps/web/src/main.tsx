import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
// oxlint-disable-next-line import/no-unassigned-import -- the stylesheet is imported for its side effect
import './index.css';
import { initSession } from './lib/auth';
import { hasStoredConfig, setCanteenConfig, useCanteenConfig } from './lib/canteen-config';
import { i18next } from './lib/i18n';
import { startServiceWorker } from './lib/service-worker';
import { applyChosenTheme } from './lib/theme';
import { queryClient, trpcClient } from './lib/trpc';
import { router } from './router';

applyChosenTheme();
initSession();
startServiceWorker();

// The canteen's currency and time zone: a returning browser starts with the last answer and takes a newer one
// when it comes; a first visit waits for it (one small request, beside the session check).
const configLoaded = trpcClient.config.get
  .query()
  .then(setCanteenConfig)
  .catch(() => undefined);

/**
 * Money and dates are formatted outside React's state (lib/money.ts, lib/format.ts), so a new language or
 * configuration renders the pages again from the router down.
 */
const App = () => {
  const { i18n } = useTranslation();
  const config = useCanteenConfig();
  return <RouterProvider key={`${i18n.resolvedLanguage}|${config.currency}|${config.timeZone}`} router={router} />;
};

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const render = () =>
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18next}>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  );

if (hasStoredConfig()) render();
else void configLoaded.then(render);
