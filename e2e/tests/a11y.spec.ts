import { AxeBuilder } from '@axe-core/playwright';
import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import {
  apiLogin,
  createDailyDish,
  createUser,
  creditWallet,
  dayFromToday,
  mainNav,
  pickPerson,
  placeOrder,
  planDish,
  signIn,
  signInAs,
  signOut,
  startTopUp,
} from './fixtures';

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

test('the audit log, with an entry expanded, has no serious or critical axe violations', async ({ page }) => {
  await signIn(page, 'admin');
  await mainNav(page).getByRole('link', { name: 'Audit log' }).click();
  const entries = page.getByRole('table', { name: 'Audit entries' });
  await expect(entries.getByRole('row').nth(1)).toBeVisible();
  await expect(page).toHaveTitle('Audit log · Canteen');
  expect(await seriousViolations(page)).toEqual([]);

  // A sign-in records a change (the last sign-in time), so the newest entry has a diff to show.
  await entries
    .getByRole('button', { name: /^Show changes: Signed in/ })
    .first()
    .click();
  await expect(
    page
      .getByRole('region', { name: /^Changes: Signed in/ })
      .getByRole('listitem')
      .first(),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a person page has no serious or critical axe violations', async ({ page }) => {
  await signIn(page, 'manager');
  await mainNav(page).getByRole('link', { name: 'People' }).click();
  await page.getByLabel('Search people').fill('Eli Employee');
  await page.getByRole('table').getByRole('link', { name: 'Eli Employee' }).click();
  await expect(page.getByTestId('person-balance-total')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Credits and refunds' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page).toHaveTitle('Eli Employee · Canteen');
  expect(await seriousViolations(page)).toEqual([]);
});

/** An Engineering employee (the demo manager's department) with one paid order, so Reports has something to show. */
const engineerWithAnOrder = async (request: APIRequestContext) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await creditWallet(request, user.id, { payer: 'Company subsidy', amountCents: 1_000 });
  await placeOrder(request, await apiLogin(request, user.email, user.password), [{ productName: 'Garlic Naan', quantity: 1 }]);
  return user;
};

test('Reports, with its chart and its orders tab, has no serious or critical axe violations', async ({ page, request }) => {
  await engineerWithAnOrder(request);
  await signIn(page, 'manager');
  await mainNav(page).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByTestId('revenue-chart').locator('.recharts-surface')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Funding by payer' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page).toHaveTitle('Reports · Canteen');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('tab', { name: 'Orders' }).click();
  await expect(page.getByRole('table', { name: 'Orders' }).getByRole('row').nth(1)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the statements tab and a printable statement have no serious or critical axe violations', async ({ page, request }) => {
  const user = await engineerWithAnOrder(request);
  await signIn(page, 'manager');
  await page.goto('/reports?tab=statements');
  const statements = page.getByRole('region', { name: 'Monthly statements' });
  await pickPerson(page, statements, 'Whose statement', user.name);
  expect(await seriousViolations(page)).toEqual([]);

  await statements.getByRole('link', { name: 'Open statement' }).click();
  await expect(page.getByRole('table', { name: 'Statement per payer' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page).toHaveTitle('Monthly statement · Canteen');
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

test('the menu plan, with dishes and a dish dialog open, and the slot settings have no serious or critical axe violations', async ({
  page,
  request,
}) => {
  const dish = await createDailyDish(request);
  const day = dayFromToday(42);
  await planDish(request, { day, productId: dish.id, plannedQuantity: 30, isNew: true, isChefsChoice: true });
  await signIn(page, 'manager');
  await page.goto(`/plan?week=${day}`);
  await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: dish.name })).toContainText('30 planned');
  await expect(page).toHaveTitle('Menu plan · Canteen');
  expect(await seriousViolations(page)).toEqual([]);

  await page
    .getByRole('button', { name: /^Add dish to/ })
    .first()
    .click();
  await expect(page.getByRole('dialog', { name: /^Add a dish to/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await signOut(page);
  await signIn(page, 'admin');
  await page.goto('/admin/settings');
  await page.getByRole('button', { name: 'Edit pickup times on Saturday' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pickup times on Saturday' });
  await dialog.getByRole('switch', { name: 'Pickup times on this day' }).click();
  await expect(dialog.getByTestId('slot-preview')).toBeVisible();
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

test('a top-up from the cart: the shortfall and the waiting return page have no serious or critical axe violations', async ({
  page,
  request,
}) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await signInAs(page, user.email, user.password);
  await page.getByLabel('Search dishes').fill('Tomato and Basil Soup');
  await page.getByRole('button', { name: 'Add to cart: Tomato and Basil Soup' }).click();
  await page.getByRole('link', { name: 'Cart, 1 item' }).click();
  await expect(page.getByText('You need €3.90 more.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The return page while the provider has not answered yet: every answer of payment.byId is made to say
  // "pending", also inside a batch with other calls (a live wallet event refetches several at once).
  await page.route(/\/trpc\/[^?]*payment\.byId/, async (route) => {
    const response = await route.fetch();
    const paths = decodeURIComponent(new URL(route.request().url()).pathname.split('/trpc/')[1] ?? '').split(',');
    const body = (await response.json()) as { result?: { data?: { status: string } } }[];
    for (const [i, path] of paths.entries()) {
      const data = body[i]?.result?.data;
      if (path === 'payment.byId' && data) data.status = 'pending';
    }
    await route.fulfill({ response, json: body });
  });
  await page.getByRole('button', { name: 'Top up €5.00' }).click();
  await page.getByRole('button', { name: 'Pay €5.00' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Waiting for the payment provider…' })).toBeVisible();
  await expect(page).toHaveTitle('Card top-up · Canteen');
  expect(await seriousViolations(page)).toEqual([]);
});

test('a paid top-up: the return page and the wallet have no serious or critical axe violations', async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  const { checkoutUrl } = await startTopUp(request, await apiLogin(request, user.email, user.password), 2_000);
  await signInAs(page, user.email, user.password);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.goto(checkoutUrl);
  await page.getByRole('button', { name: 'Pay €20.00' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '€20.00 added to your wallet' })).toBeVisible();
  await expect(page.getByTestId('top-up-balance')).toHaveText('€20.00');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Go to your wallet' }).click();
  await expect(page.getByRole('table', { name: 'Card top-ups' })).toContainText('Paid');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the top-up dialog and the Payments page have no serious or critical axe violations', async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await startTopUp(request, await apiLogin(request, user.email, user.password), 2_000);
  await signInAs(page, user.email, user.password);
  await mainNav(page).getByRole('link', { name: 'Wallet' }).click();
  await page.getByRole('button', { name: 'Top up', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Top up your wallet' });
  await expect(dialog.getByRole('button', { name: '€20.00' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Continue to payment' }).click();
  await expect(dialog.getByText('Enter an amount in euros')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await signOut(page);

  await signIn(page, 'admin');
  await mainNav(page).getByRole('link', { name: 'Payments' }).click();
  await expect(page.getByRole('row', { name: new RegExp(user.name) })).toContainText('Waiting');
  await expect(page).toHaveTitle('Payments · Canteen');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the profile page with its data download has no serious or critical axe violations', async ({ page }) => {
  await signIn(page, 'employee');
  await mainNav(page).getByRole('link', { name: 'Profile' }).click();
  const card = page.getByRole('region', { name: 'Your data' });
  const downloading = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Download my data' }).click();
  await downloading;
  await expect(page.getByText('Your data has been downloaded.')).toBeVisible();
  await expect(page).toHaveTitle('Profile · Canteen');
  expect(await seriousViolations(page)).toEqual([]);
});

// Its own test: three full-page scans and two sign-ins in one went past the 30 s budget on a busy machine.
test('the erase dialog has no serious or critical axe violations', async ({ page, request }) => {
  const person = await createUser(request, 'employee');
  await signIn(page, 'admin');
  await mainNav(page).getByRole('link', { name: 'Users' }).click();
  await page.getByLabel('Search users').fill(person.email);
  await page.getByRole('button', { name: `Actions for ${person.name}` }).click();
  await page.getByRole('menuitem', { name: 'Erase personal data…' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Erase ${person.name}'s personal data?` });
  await expect(dialog.getByRole('button', { name: 'Erase personal data' })).toBeDisabled();
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByLabel(/To confirm, type their email/).fill(person.email);
  await expect(dialog.getByRole('button', { name: 'Erase personal data' })).toBeEnabled();
  expect(await seriousViolations(page)).toEqual([]);
});
