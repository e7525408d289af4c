import { expect, test } from '@playwright/test';
import { DEMO, cents, createUser, creditWallet, mainNav, signIn, signInAs } from './fixtures';

test('an unknown address shows "Page not found" inside the app, with a heading and the navigation', async ({ page }) => {
  await signIn(page, 'employee');
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(mainNav(page)).toBeVisible();
  await page.getByRole('link', { name: 'Go to the menu' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Menu' })).toBeVisible();
});

test('the skip link shows when tabbed to and moves to the page', async ({ page }) => {
  await signIn(page, 'employee');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const box = await skip.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(60);
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test("an employee sees their balance in the header, and it is the wallet's", async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await creditWallet(request, user.id, { payer: 'Company subsidy', amountCents: 1_234 });
  await signInAs(page, user.email, user.password);
  const balance = page.getByRole('link', { name: 'Wallet balance: €12.34' });
  await expect(balance).toBeVisible();
  await balance.click();
  expect(cents(await page.getByTestId('wallet-total').textContent())).toBe(1_234);
});

test('a signed-out visit asks the server nothing about a session and logs no error; the sign-in card does not jump', async ({
  page,
}) => {
  const refreshes: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('auth.refresh')) refreshes.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto('/menu');
  await expect(page.getByRole('heading', { name: 'Sign in to Canteen' })).toBeVisible();
  expect(refreshes).toEqual([]);
  expect(errors).toEqual([]);

  const card = page.getByRole('heading', { name: 'Sign in to Canteen' });
  const before = await card.boundingBox();
  await page.getByLabel('Email').fill(DEMO.employee.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  expect((await card.boundingBox())?.y).toBe(before?.y);
});

test('offline, the app says so and ordering waits for the network instead of hanging', async ({ page, context }) => {
  await signIn(page, 'employee');
  await page.getByRole('searchbox', { name: 'Search dishes' }).fill('Mango Lassi');
  await page.getByRole('button', { name: 'Add to cart: Mango Lassi' }).click();
  await page.getByRole('link', { name: /^Cart/ }).click();
  await expect(page.getByRole('button', { name: /^Place order/ })).toBeEnabled();
  await context.setOffline(true);
  await expect(page.getByText("You're offline.", { exact: false })).toBeVisible();
  await expect(page.getByText('Ordering needs a connection. Try again when you are back online.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Place order/ })).toBeDisabled();
  await context.setOffline(false);
  await expect(page.getByRole('button', { name: /^Place order/ })).toBeEnabled();
});
