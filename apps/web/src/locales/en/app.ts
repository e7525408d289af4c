/** English texts of the app around the pages (install, updates, offline); locales/de/app.ts in German. */
export const app = {
  update: { ready: 'A new version of Canteen is ready.', reload: 'Reload' },
  offline: {
    banner: "You're offline. The menu shows what was loaded last; ordering needs a connection.",
    ordering: 'Ordering needs a connection. Try again when you are back online.',
  },
  header: { balance: 'Wallet balance: {{amount}}' },
  notFound: {
    title: 'Page not found',
    description: 'There is nothing at this address. It may have moved, or the link may be incomplete.',
    home: 'Go to the menu',
  },
};
