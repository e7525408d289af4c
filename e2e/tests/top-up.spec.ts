import { type Page, expect, test } from '@playwright/test';
import { apiLogin, createUser, mainNav, placeOrder, signIn, signInAs, signOut, walletTotal } from './fixtures';

const dish = (page: Page, name: string) => page.getByRole('article', { name });

/** Puts one dish in the cart from the menu and opens the cart. */
const addToCartAndOpen = async (page: Page, name: string): Promise<void> => {
  await page.getByLabel('Search dishes').fill(name);
  await dish(page, name)
    .getByRole('button', { name: `Add to cart: ${name}` })
    .click();
  await page.getByRole('link', { name: 'Cart, 1 item' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cart' })).toBeVisible();
};

/** On the sandbox's hosted checkout (served by the API, outside the app), pays or declines. */
const finishSandboxCheckout = async (page: Page, outcome: 'pay' | 'decline', amount: string): Promise<void> => {
  await expect(page).toHaveURL(/\/sandbox\/checkout\/[0-9a-f-]{36}\?token=/);
  await expect(page.getByRole('heading', { name: 'Top up your Canteen wallet' })).toBeVisible();
  await page.getByRole('button', { name: outcome === 'pay' ? `Pay ${amount}` : 'Decline' }).click();
  await expect(page).toHaveURL(/\/top-up\/return\?payment=[0-9a-f-]{36}$/);
};

test('an employee with an empty wallet tops up from the cart, comes back to it and orders', async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  const token = await apiLogin(request, user.email, user.password);
  await signInAs(page, user.email, user.password);
  await addToCartAndOpen(page, 'Tomato and Basil Soup');

  // One message says what is missing; the order cannot be placed.
  await expect(page.getByTestId('checkout-balance')).toHaveText('€0.00');
  await expect(page.getByText('You need €3.90 more.')).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Place order/ })).toBeDisabled();

  // €3.90 rounds up to a whole euro, and then to the €5.00 minimum.
  await page.getByRole('button', { name: 'Top up €5.00' }).click();
  await finishSandboxCheckout(page, 'pay', '€5.00');

  // The webhook arrives a moment later; the page waits for it.
  await expect(page.getByRole('heading', { level: 2, name: '€5.00 added to your wallet' })).toBeVisible();
  await expect(page.getByTestId('top-up-balance')).toHaveText('€5.00');
  expect(await walletTotal(request, token)).toBe(500);

  await page.getByRole('link', { name: 'Back to your cart' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cart' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Dishes in your cart' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByTestId('checkout-balance')).toHaveText('€5.00');
  await expect(page.getByText(/^You need/)).toHaveCount(0);
  await page.getByRole('button', { name: /^Place order/ }).click();
  await expect(page.getByText('Order placed. Enjoy your meal!')).toBeVisible();
  await expect(page.getByRole('article', { name: /^Order #/ }).locator('dl')).toContainText('Personal top-up');
  expect(await walletTotal(request, token)).toBe(110);

  // The wallet lists the top-up and its ledger entry.
  await mainNav(page).getByRole('link', { name: 'Wallet' }).click();
  const topUps = page.getByRole('table', { name: 'Card top-ups' });
  await expect(topUps.getByRole('row')).toHaveCount(2);
  await expect(topUps.getByRole('row').nth(1)).toContainText('Paid');
  await expect(topUps.getByRole('row').nth(1)).toContainText('€5.00');
  await expect(page.getByRole('table', { name: 'Wallet history' })).toContainText('Card top-up');
});

test('a declined top-up adds nothing, and Try again opens the top-up with the same amount', async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  const token = await apiLogin(request, user.email, user.password);
  await signInAs(page, user.email, user.password);
  await addToCartAndOpen(page, 'Tomato and Basil Soup');

  await page.getByRole('button', { name: 'Top up €5.00' }).click();
  await finishSandboxCheckout(page, 'decline', '€5.00');
  await expect(page.getByRole('heading', { level: 2, name: 'The payment was declined' })).toBeVisible();
  await expect(page.getByText('Nothing was charged and nothing was added to your wallet.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to your cart' })).toBeVisible();
  expect(await walletTotal(request, token)).toBe(0);

  await page.getByRole('link', { name: 'Try again' }).click();
  const dialog = page.getByRole('dialog', { name: 'Top up your wallet' });
  await expect(dialog.getByLabel('Amount (€)')).toHaveValue('5');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/wallet$/);
  await expect(page.getByTestId('wallet-total')).toHaveText('€0.00');
  await expect(page.getByRole('table', { name: 'Card top-ups' })).toContainText('Declined');
});

test("cancelling at the checkout ends the top-up at once: nothing charged, and today's allowance is back", async ({
  page,
  request,
}) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  const token = await apiLogin(request, user.email, user.password);
  await signInAs(page, user.email, user.password);
  await addToCartAndOpen(page, 'Tomato and Basil Soup');
  await page.getByRole('button', { name: 'Top up €5.00' }).click();
  await expect(page).toHaveURL(/\/sandbox\/checkout\/[0-9a-f-]{36}\?token=/);
  await page.getByRole('link', { name: 'Cancel and return to Canteen' }).click();
  await expect(page).toHaveURL(/\/top-up\/return\?payment=[0-9a-f-]{36}&cancelled=1$/);
  await expect(page.getByRole('heading', { level: 2, name: 'You cancelled the checkout' })).toBeVisible();
  await expect(page.getByText('Nothing was charged and nothing was added to your wallet.')).toBeVisible();
  expect(await walletTotal(request, token)).toBe(0);
  await mainNav(page).getByRole('link', { name: 'Wallet' }).click();
  await expect(page.getByRole('table', { name: 'Card top-ups' })).toContainText('Expired');
});

test('an admin refunds a top-up that was partly spent, and the shortfall is listed', async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  const token = await apiLogin(request, user.email, user.password);
  await signInAs(page, user.email, user.password);
  await mainNav(page).getByRole('link', { name: 'Wallet' }).click();
  await page.getByRole('button', { name: 'Top up', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Top up your wallet' });
  await expect(dialog.getByText('From €5.00 to €200.00 at a time.')).toBeVisible();
  await dialog.getByLabel('Amount (€)').fill('3');
  await dialog.getByRole('button', { name: 'Continue to payment' }).click();
  await expect(dialog.getByText('Top up at least €5.00')).toBeVisible();
  await dialog.getByRole('button', { name: '€10.00' }).click();
  await expect(dialog.getByLabel('Amount (€)')).toHaveValue('10');
  await dialog.getByRole('button', { name: 'Continue to payment' }).click();
  await finishSandboxCheckout(page, 'pay', '€10.00');
  await expect(page.getByRole('heading', { level: 2, name: '€10.00 added to your wallet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to your wallet' })).toBeVisible();
  const order = await placeOrder(request, token, [{ productName: 'Tomato and Basil Soup', quantity: 1 }]);

  await signOut(page);
  await signIn(page, 'admin');
  await mainNav(page).getByRole('link', { name: 'Payments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payments' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(user.name) });
  await expect(row).toContainText('Paid');
  await row.getByRole('button', { name: `Refund €10.00 to ${user.name}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Refund €10.00 to ${user.name}?` });
  await confirm.getByRole('button', { name: 'Refund €10.00' }).click();
  await expect(confirm).toBeHidden();
  // The provider's refund webhook lands a moment later: what was left is taken back, the rest is the shortfall.
  await expect(row).toContainText('Refunded');
  await expect(row).toContainText(`€${(order.totalCents / 100).toFixed(2)}`);
  expect(await walletTotal(request, token)).toBe(0);

  await page.getByRole('switch', { name: 'Refunds not fully recovered' }).click();
  await expect(page.getByRole('row', { name: new RegExp(user.name) })).toBeVisible();
  await page.getByRole('combobox', { name: 'Filter by status' }).click();
  await page.getByRole('option', { name: 'Declined' }).click();
  await expect(page.getByText('No payments match')).toBeVisible();
});
