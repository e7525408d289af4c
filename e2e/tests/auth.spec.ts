import { expect, test } from '@playwright/test';
import { DEMO, type DemoRole, mainNav, signIn } from './fixtures';

const EXPECTED_NAV: Record<DemoRole, string[]> = {
  employee: ['Menu', 'Orders', 'Wallet', 'News', 'Profile'],
  kitchen: ['Kitchen', 'Production sheet', 'Profile'],
  manager: [
    'Menu',
    'Orders',
    'Wallet',
    'News',
    'Kitchen',
    'Production sheet',
    'Products',
    'Menu plan',
    'Credits',
    'Reports',
    'Till',
    'Reviews',
    'People',
    'Profile',
  ],
  admin: [
    'Menu',
    'Orders',
    'Wallet',
    'News',
    'Kitchen',
    'Production sheet',
    'Products',
    'Menu plan',
    'Credits',
    'Reports',
    'Till',
    'Reviews',
    'Users',
    'Departments',
    'Payments',
    'Audit log',
    'Settings',
    'Profile',
  ],
};

for (const role of ['employee', 'manager', 'admin'] as const) {
  test(`${role} signs in, sees exactly their navigation, and signs out for good`, async ({ page }) => {
    await signIn(page, role);
    await expect(page).toHaveURL(/\/menu$/);
    await expect(page.getByRole('banner')).toContainText(DEMO[role].name);

    const links = mainNav(page).getByRole('link');
    await expect(links).toHaveText(EXPECTED_NAV[role]);
    if (role !== 'admin') {
      await expect(mainNav(page).getByRole('link', { name: 'Users' })).toHaveCount(0);
      await expect(mainNav(page).getByRole('link', { name: 'Settings' })).toHaveCount(0);
    }
    if (role === 'employee') {
      await expect(mainNav(page).getByRole('link', { name: 'People' })).toHaveCount(0);
      await expect(mainNav(page).getByRole('link', { name: 'Products' })).toHaveCount(0);
      await expect(mainNav(page).getByRole('link', { name: 'Till' })).toHaveCount(0);
      await expect(mainNav(page).getByRole('link', { name: 'Reviews' })).toHaveCount(0);
    }

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'Sign in to Canteen' })).toBeVisible();

    // The refresh cookie is gone: neither a reload nor a deep link brings the session back.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await page.goto('/profile');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  });
}

test('a wrong password shows a readable error and no session', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(DEMO.employee.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText("That email and password don't match. Check them and try again.");
  await expect(page).toHaveURL(/\/login$/);
});

test('the sign-in form checks its fields with the shared schema before calling the API', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await expect(page.getByText('Required')).toBeVisible();
});

test('a reload keeps you signed in (silent refresh from the cookie)', async ({ page }) => {
  await signIn(page, 'manager');
  await mainNav(page).getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();

  await page.reload();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  await expect(page.getByText(DEMO.manager.email, { exact: true })).toBeVisible();

  // A second reload rotates the refresh token again; the session survives that too.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
});

test('a deep link while signed out returns there after signing in', async ({ page }) => {
  await page.goto('/admin/departments');
  await expect(page).toHaveURL(/\/login\?redirect=/);
  await page.getByLabel('Email').fill(DEMO.admin.email);
  await page.getByLabel('Password').fill('Canteen-Demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin\/departments$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Departments' })).toBeVisible();
});

test('an employee cannot open admin or manager pages by URL', async ({ page }) => {
  await signIn(page, 'employee');
  for (const path of [
    '/admin/users',
    '/admin/payments',
    '/products',
    '/till',
    '/sales',
    '/reports',
    '/credits',
    '/reviews',
    '/news/new',
  ]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/menu$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Menu' })).toBeVisible();
  }
});

test('a rejected access token is refreshed once and the call retried', async ({ page }) => {
  await signIn(page, 'manager');
  // The server answers the first user.list as it would for an expired or revoked access token.
  let isRejected = false;
  await page.route('**/trpc/user.list?**', async (route) => {
    if (isRejected) return route.continue();
    isRejected = true;
    const error = {
      message: 'Please sign in',
      code: -32001,
      data: { code: 'UNAUTHORIZED', httpStatus: 401, reason: 'SIGN_IN_REQUIRED' },
    };
    return route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify([{ error }]) });
  });
  const calls: string[] = [];
  // Only the calls this test is about: the menu page's own queries may still be answering after sign-in.
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (/^\/trpc\/(user\.list|auth\.refresh)$/.test(path)) calls.push(`${path.slice('/trpc/'.length)} ${response.status()}`);
  });

  await mainNav(page).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  expect(calls).toEqual(['user.list 401', 'auth.refresh 200', 'user.list 200']);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('when the refresh fails too, the app signs out and says why', async ({ page }) => {
  await signIn(page, 'manager');
  await page.route('**/trpc/user.list?**', (route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/json',
      body: JSON.stringify([
        { error: { message: 'Please sign in', code: -32001, data: { code: 'UNAUTHORIZED', httpStatus: 401 } } },
      ]),
    }),
  );
  await page.route('**/trpc/auth.refresh', (route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/json',
      body: JSON.stringify({
        error: { message: 'Expired', code: -32001, data: { code: 'UNAUTHORIZED', httpStatus: 401, reason: 'TOKEN_EXPIRED' } },
      }),
    }),
  );
  await mainNav(page).getByRole('link', { name: 'People' }).click();
  await expect(page).toHaveURL(/\/login\?redirect=%2Fpeople/);
  await expect(page.getByRole('status').filter({ hasText: 'Your session has expired. Please sign in again.' })).toBeVisible();
});
