import { AxeBuilder } from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { mainNav, signIn } from './fixtures';

const seriousViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
};

test('the sign-in page has no serious or critical axe violations', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page).toHaveTitle('Sign in · Canteen');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the users page has no serious or critical axe violations', async ({ page }) => {
  await signIn(page, 'admin');
  await mainNav(page).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('table', { name: 'Users' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page).toHaveTitle('Users · Canteen');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'New user' }).click();
  await expect(page.getByRole('dialog', { name: 'New user' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the menu page has no serious or critical axe violations, filters open', async ({ page }) => {
  await signIn(page, 'employee');
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(page).toHaveTitle('Menu · Canteen');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Free from' }).click();
  await expect(page.getByRole('group', { name: 'Hide dishes that contain' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the wallet page, with its chart, has no serious or critical axe violations', async ({ page }) => {
  await signIn(page, 'employee');
  await mainNav(page).getByRole('link', { name: 'Wallet' }).click();
  await expect(page.getByTestId('wallet-total')).toBeVisible();
  await expect(page.locator('.recharts-surface')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Wallet history' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page).toHaveTitle('Wallet · Canteen');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the cart and the products page have no serious or critical axe violations', async ({ page }) => {
  await signIn(page, 'manager');
  await page
    .getByRole('button', { name: /^Add to cart:/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'Cart, 1 item' }).click();
  await expect(page.getByTestId('checkout-balance')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await mainNav(page).getByRole('link', { name: 'Products' }).click();
  await expect(page.getByRole('table', { name: 'Products' }).getByRole('row').nth(1)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'New dish' }).click();
  await expect(page.getByRole('dialog', { name: 'New dish' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the app can be used from the keyboard: skip link, navigation and a dialog', async ({ page }) => {
  await signIn(page, 'admin');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  await mainNav(page).getByRole('link', { name: 'Departments' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Departments' })).toBeVisible();
  await page.getByRole('button', { name: 'New department' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New department' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'New department' })).toBeFocused();
});

test('the news list and a rendered post have no serious or critical axe violations', async ({ page }) => {
  await signIn(page, 'employee');
  await mainNav(page).getByRole('link', { name: 'News' }).click();
  const posts = page.getByRole('list', { name: 'Posts' });
  await expect(posts.getByRole('article').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await posts.getByRole('link', { name: 'This week: Indian street food' }).click();
  await expect(page.getByRole('article', { name: 'This week: Indian street food' }).getByRole('table')).toBeVisible();
  await expect(page).toHaveTitle('This week: Indian street food · Canteen');
  expect(await seriousViolations(page)).toEqual([]);
});
