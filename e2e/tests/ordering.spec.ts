import { type Page, expect, test } from '@playwright/test';
import {
  apiLogin,
  cents,
  createUser,
  creditWallet,
  mainNav,
  pickPerson,
  placeOrder,
  signIn,
  signInAs,
  signOut,
  walletTotal,
} from './fixtures';

const dish = (page: Page, name: string) => page.getByRole('article', { name });

test('an employee orders lunch end to end and the wallet drops by exactly the total', async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  // The promo money is older, so it is spent first; the rest comes from the company subsidy.
  await creditWallet(request, user.id, { payer: 'Welcome promo', amountCents: 300, daysAgo: 10 });
  await creditWallet(request, user.id, { payer: 'Company subsidy', amountCents: 4_000, daysAgo: 1 });
  await signInAs(page, user.email, user.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Menu' })).toBeVisible();

  // Filter: the Soups tab, vegan only.
  await page.getByRole('tab', { name: /^Soups/ }).click();
  await page.getByRole('button', { name: 'Vegan', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Vegan', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(dish(page, 'Cream of Mushroom Soup')).toHaveCount(0);
  await dish(page, 'Tomato and Basil Soup').getByRole('button', { name: 'Add to cart: Tomato and Basil Soup' }).click();
  await expect(dish(page, 'Tomato and Basil Soup')).toContainText('1 in your cart');

  // Search across the whole menu.
  await page.getByRole('tab', { name: /^All/ }).click();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await page.getByLabel('Search dishes').fill('lassi');
  // Best match first ("lassi" is also inside "classic" in another dish's description).
  await expect(page.getByRole('article').first()).toHaveAccessibleName('Mango Lassi');
  await dish(page, 'Mango Lassi').getByRole('button', { name: 'Add to cart: Mango Lassi' }).click();
  await dish(page, 'Mango Lassi').getByRole('button', { name: 'Add another: Mango Lassi' }).click();

  // The cart survives a reload.
  await page.reload();
  await page.getByRole('link', { name: 'Cart, 3 items' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cart' })).toBeVisible();
  const cartLines = page.getByRole('list', { name: 'Dishes in your cart' }).getByRole('listitem');
  await expect(cartLines).toHaveCount(2);
  await expect(page.getByRole('group', { name: 'Quantity of Mango Lassi' }).getByRole('textbox')).toHaveValue('2');
  const subtotal = cents(await page.getByTestId('cart-subtotal').textContent());
  expect(subtotal).toBe(390 + 2 * 380);
  await expect(page.getByTestId('checkout-balance')).toHaveText(/43[.,]00/);

  await page.getByRole('button', { name: /^Place order/ }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=true$/);
  await expect(page.getByText('Order placed. Enjoy your meal!')).toBeVisible();
  const receipt = page.getByRole('article', { name: /^Order #/ });
  await expect(receipt.getByRole('table', { name: 'Items' })).toContainText('Tomato and Basil Soup');
  await expect(receipt.getByRole('table', { name: 'Items' })).toContainText('Mango Lassi');
  const total = cents(await page.getByTestId('order-total').textContent());
  expect(total).toBe(subtotal);
  // Per payer: the older promo money first, then the company subsidy.
  const paidBy = receipt.locator('dl');
  await expect(paidBy.locator('dt')).toHaveText(['Welcome promo', 'Company subsidy']);
  const amounts = (await paidBy.locator('dd').allTextContents()).map(cents);
  expect(amounts).toEqual([300, total - 300]);
  await expect(page.getByRole('link', { name: 'Cart, empty' })).toBeVisible();

  await mainNav(page).getByRole('link', { name: 'Wallet' }).click();
  await expect(page.getByTestId('wallet-total')).toHaveText(/\d/);
  expect(cents(await page.getByTestId('wallet-total').textContent())).toBe(4_300 - total);
  await expect(
    page
      .getByRole('table', { name: 'Wallet history' })
      .getByRole('link', { name: /^Order #/ })
      .first(),
  ).toBeVisible();

  await mainNav(page).getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('table', { name: 'Your orders' }).getByRole('row')).toHaveCount(2);
});

test('an order the wallet cannot pay says what is missing and changes nothing', async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await creditWallet(request, user.id, { payer: 'Welcome promo', amountCents: 200 });
  const token = await apiLogin(request, user.email, user.password);
  await signInAs(page, user.email, user.password);

  await page.getByLabel('Search dishes').fill('tomato basil soup');
  await dish(page, 'Tomato and Basil Soup').getByRole('button', { name: 'Add to cart: Tomato and Basil Soup' }).click();
  await page.getByRole('link', { name: 'Cart, 1 item' }).click();
  await expect(page.getByText('You need €1.90 more.')).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Place order/ })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Top up €5.00' })).toBeVisible();

  expect(await walletTotal(request, token)).toBe(200);
  await mainNav(page).getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByText('No orders yet')).toBeVisible();
  await mainNav(page).getByRole('link', { name: 'Wallet' }).click();
  await expect(page.getByTestId('wallet-total')).toHaveText('€2.00');
  // The cart keeps the dish for a later try.
  await expect(page.getByRole('link', { name: 'Cart, 1 item' })).toBeVisible();
});

test('money spent elsewhere meanwhile: the refusal asks the wallet again and says what is missing', async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await creditWallet(request, user.id, { payer: 'Welcome promo', amountCents: 500 });
  const token = await apiLogin(request, user.email, user.password);
  // A screen whose live stream is down (a proxy dropped it): it only learns of the other device's spend from the
  // refusal. With the stream up, the balance would update by itself (the next test).
  await page.route('**/trpc/live.events**', (route) => route.abort());
  await signInAs(page, user.email, user.password);
  await page.getByLabel('Search dishes').fill('tomato basil soup');
  await dish(page, 'Tomato and Basil Soup').getByRole('button', { name: 'Add to cart: Tomato and Basil Soup' }).click();
  await page.getByRole('link', { name: 'Cart, 1 item' }).click();
  await expect(page.getByTestId('checkout-balance')).toHaveText('€5.00');

  // Another device spends €2.80 while this cart still shows €5.00.
  await placeOrder(request, token, [{ productName: 'Garlic Naan', quantity: 1 }]);
  await page.getByRole('button', { name: /^Place order/ }).click();
  await expect(page.getByTestId('checkout-balance')).toHaveText('€2.20');
  await expect(page.getByText('You need €1.70 more.')).toHaveCount(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Place order/ })).toBeDisabled();
  await expect(page).toHaveURL(/\/cart$/);
  expect(await walletTotal(request, token)).toBe(220);
});

test('money spent elsewhere shows in the open cart at once, before anyone presses Place order', async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await creditWallet(request, user.id, { payer: 'Welcome promo', amountCents: 500 });
  const token = await apiLogin(request, user.email, user.password);
  await signInAs(page, user.email, user.password);
  await page.getByLabel('Search dishes').fill('tomato basil soup');
  await dish(page, 'Tomato and Basil Soup').getByRole('button', { name: 'Add to cart: Tomato and Basil Soup' }).click();
  await page.getByRole('link', { name: 'Cart, 1 item' }).click();
  await expect(page.getByTestId('checkout-balance')).toHaveText('€5.00');
  await placeOrder(request, token, [{ productName: 'Garlic Naan', quantity: 1 }]);
  await expect(page.getByTestId('checkout-balance')).toHaveText('€2.20');
  await expect(page.getByText('You need €1.70 more.')).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Place order/ })).toBeDisabled();
});

test('a checkout retried after a lost answer charges once (same idempotency key)', async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await creditWallet(request, user.id, { payer: 'Company subsidy', amountCents: 1_000 });
  const token = await apiLogin(request, user.email, user.password);
  await signInAs(page, user.email, user.password);
  await page.getByLabel('Search dishes').fill('garlic naan');
  await dish(page, 'Garlic Naan').getByRole('button', { name: 'Add to cart: Garlic Naan' }).click();
  await page.getByRole('link', { name: 'Cart, 1 item' }).click();

  // The server takes the order, but its answer never reaches the browser.
  const keys: string[] = [];
  let isAnswerLost = true;
  await page.route('**/trpc/order.place**', async (route) => {
    const body = route.request().postDataJSON() as Record<string, { idempotencyKey: string }>;
    keys.push(Object.values(body)[0]?.idempotencyKey ?? '');
    if (!isAnswerLost) return route.continue();
    isAnswerLost = false;
    await route.fetch();
    return route.abort('connectionreset');
  });
  await page.getByRole('button', { name: /^Place order/ }).click();
  await expect(page.getByRole('alert')).toContainText("We couldn't reach Canteen to confirm your order");
  expect(await walletTotal(request, token)).toBe(1_000 - 280);

  await page.getByRole('button', { name: /^Place order/ }).click();
  await expect(page.getByText('Order placed. Enjoy your meal!')).toBeVisible();
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  expect(await walletTotal(request, token)).toBe(1_000 - 280);
  await mainNav(page).getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('table', { name: 'Your orders' }).getByRole('row')).toHaveCount(2);
});

test('a manager refunds an order from the orders in Reports and the employee gets the money back', async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await creditWallet(request, user.id, { payer: 'Company subsidy', amountCents: 2_000 });
  const token = await apiLogin(request, user.email, user.password);
  const order = await placeOrder(request, token, [{ productName: 'Garlic Naan', quantity: 2 }]);
  expect(await walletTotal(request, token)).toBe(2_000 - order.totalCents);

  await signIn(page, 'manager');
  await mainNav(page).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await page.getByRole('tab', { name: 'Orders' }).click();
  const row = page.getByRole('table', { name: 'Orders' }).getByRole('row', { name: new RegExp(user.name) });
  await expect(row).toContainText('Ordered');
  await row.getByRole('button', { name: /^Refund order/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Refund order/ });
  await dialog.getByLabel('Reason (optional)').fill('Naan was burnt');
  await dialog.getByRole('button', { name: /^Refund €/ }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Refunded');
  await expect(row.getByRole('button', { name: /^Refund order/ })).toHaveCount(0);

  expect(await walletTotal(request, token)).toBe(2_000);
  await signOut(page);
  await signInAs(page, user.email, user.password);
  await mainNav(page).getByRole('link', { name: 'Wallet' }).click();
  await expect(page.getByTestId('wallet-total')).toHaveText('€20.00');
  await expect(page.getByRole('table', { name: 'Wallet history' })).toContainText('Naan was burnt');
});

test('at the till a manager orders for an employee of their department', async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await creditWallet(request, user.id, { payer: 'Engineering budget', amountCents: 1_500 });
  const token = await apiLogin(request, user.email, user.password);

  await signIn(page, 'manager');
  await mainNav(page).getByRole('link', { name: 'Till' }).click();
  await pickPerson(page, page, 'Who is it for', user.name);
  await expect(page.getByTestId('picked-person')).toHaveText(user.name);
  await expect(page.getByTestId('till-balance')).toHaveText('€15.00');

  await page.getByLabel('Search dishes').fill('espresso');
  await page.getByRole('button', { name: 'Add: Espresso' }).click();
  await page.getByRole('button', { name: 'Add: Espresso' }).click();
  await expect(page.getByRole('group', { name: 'Quantity of Espresso' }).getByRole('textbox')).toHaveValue('2');
  const total = cents(await page.getByTestId('till-total').textContent());
  await page.getByRole('button', { name: /^Charge Robin/ }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Charged' })).toContainText(`to ${user.name}.`);
  const receipt = page.getByRole('article', { name: /^Order #/ });
  await expect(receipt).toContainText('at the till by Maya Manager');
  await expect(receipt.locator('dl')).toContainText('Engineering budget');
  expect(cents(await page.getByTestId('order-total').textContent())).toBe(total);
  expect(await walletTotal(request, token)).toBe(1_500 - total);

  await page.getByRole('button', { name: 'Next customer' }).click();
  await expect(page.getByLabel('Who is it for')).toBeVisible();

  // The employee finds it among their own orders, marked as rung up at the till.
  await signOut(page);
  await signInAs(page, user.email, user.password);
  await mainNav(page).getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('table', { name: 'Your orders' })).toContainText('At the till by Maya Manager');
});

test('a manager can find a dish in Products and record a delivery', async ({ page }) => {
  await signIn(page, 'manager');
  await mainNav(page).getByRole('link', { name: 'Products' }).click();
  await page.getByLabel('Search products').fill('Salmon Onigiri');
  const row = page.getByRole('table', { name: 'Products' }).getByRole('row', { name: /Salmon Onigiri/ });
  await expect(row).toBeVisible();
  const before = Number(await row.getByRole('cell').nth(3).textContent());
  await row.getByRole('button', { name: 'Actions for Salmon Onigiri' }).click();
  await page.getByRole('menuitem', { name: 'Adjust stock' }).click();
  const dialog = page.getByRole('dialog', { name: 'Adjust stock of Salmon Onigiri' });
  await expect(dialog.getByRole('radio', { name: /Delivery/ })).toBeChecked();
  await dialog.getByLabel('How many arrived').fill('5');
  await dialog.getByRole('button', { name: 'Save stock' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('cell').nth(3)).toHaveText(String(before + 5));
});
