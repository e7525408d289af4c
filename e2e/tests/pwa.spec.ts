import { expect, test } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, quietNetwork } from './fixtures';

/*
 * Installable: a manifest with icons, and a service worker that keeps the app shell and the last menu, so an
 * installed Canteen starts at once and still opens (and shows what it knew) without a network.
 */
test.use({ serviceWorkers: 'allow' });

test('the manifest names the app, starts at the menu and has icons a phone can install', async ({ request }) => {
  const response = await request.get('/manifest.webmanifest');
  expect(response.ok()).toBe(true);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = (await response.json()) as {
    name: string;
    start_url: string;
    display: string;
    icons: { src: string; sizes: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({ name: 'Canteen', start_url: '/menu', display: 'standalone' });
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src);
    expect(file.headers()['content-type']).toBe('image/png');
  }
});

test('with the service worker, the app opens offline and the last menu is still there', async ({ page, context }) => {
  await page.goto('/login');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // From the next load on the worker answers for the page.
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await page.getByLabel('Email').fill(DEMO.employee.email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  const menuRequest = page.waitForRequest((request) => request.url().includes('/trpc/product.list'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  const menuUrl = (await menuRequest).url();
  await expect(page.getByRole('article').first()).toBeVisible();
  await quietNetwork(page);

  await context.setOffline(true);
  // The menu's last answer comes from the worker's cache.
  const cached = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, body: (await response.json()) as { result: { data: { items: unknown[] } } } };
  }, menuUrl);
  expect(cached.status).toBe(200);
  expect(cached.body.result.data.items.length).toBeGreaterThan(0);
  // And the app itself opens offline, as the person last signed in here, with the last menu and a word about it.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Menu' })).toBeVisible();
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(page.getByText("You're offline.", { exact: false })).toBeVisible();
  // Back online, the session is asked for again and everything works as before.
  await context.setOffline(false);
  await expect(page.getByText("You're offline.", { exact: false })).toHaveCount(0);
  await page
    .getByRole('link', { name: /^Wallet$/ })
    .first()
    .click();
  await expect(page.getByTestId('wallet-total')).toHaveText(/\d/);
});
