import { type Page, expect, test } from '@playwright/test';
import {
  DEMO,
  DEMO_PASSWORD,
  apiLogin,
  cents,
  createUser,
  creditWallet,
  mainNav,
  placeOrder,
  signIn,
  signInAs,
  walletTotal,
} from './fixtures';

/** How many of a dish the kitchen's all-day count still lists (0 when it is not there). */
const allDayCount = async (page: Page, dish: string): Promise<number> => {
  const item = page.getByTestId('all-day').getByRole('listitem').filter({ hasText: dish });
  if ((await item.count()) === 0) return 0;
  return Number((await item.textContent())?.replace(dish, '').trim());
};

/** The last eight hex digits of an order id, as people read it ("#1A2B3C4D"). */
const numberOf = (orderId: string) => orderId.replace(/-/g, '').slice(-8).toUpperCase();

/**
 * When `text` appears on `page`, by the page's own clock, in ms since `since` (the test's clock, sent along):
 * polled every few milliseconds in the page, so the delay measured is the screen's, not the test runner's.
 */
const appearsAfter = async (page: Page, selector: string, text: string, since: number): Promise<number> => {
  const seenAt = await page.waitForFunction(
    ([css, wanted]) => {
      const found = [...document.querySelectorAll(css!)].some((element) => element.textContent?.includes(wanted!));
      return found ? Date.now() : null;
    },
    [selector, text],
    { polling: 10, timeout: 10_000 },
  );
  return ((await seenAt.jsonValue()) as number) - since;
};

test('an order goes from the employee to the kitchen and back, live: placed, preparing, ready, collected', async ({
  browser,
  request,
}) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await creditWallet(request, user.id, { payer: 'Company subsidy', amountCents: 5_000 });

  const kitchenContext = await browser.newContext();
  const kitchen = await kitchenContext.newPage();
  await kitchen.goto('/login');
  await kitchen.getByLabel('Email').fill(DEMO.kitchen.email);
  await kitchen.getByLabel('Password').fill(DEMO_PASSWORD);
  await kitchen.getByRole('button', { name: 'Sign in' }).click();
  await expect(kitchen).toHaveURL(/\/kitchen$/);
  await expect(kitchen.getByRole('heading', { level: 1, name: 'Kitchen' })).toBeVisible();
  await expect(kitchen.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();

  const employeeContext = await browser.newContext();
  const employee = await employeeContext.newPage();
  await signInAs(employee, user.email, user.password);
  await expect(employee.getByRole('heading', { level: 1, name: 'Menu' })).toBeVisible();
  await employee.getByLabel('Search dishes').fill('Tomato and Basil');
  await employee
    .getByRole('article', { name: 'Tomato and Basil Soup' })
    .getByRole('button', { name: 'Add to cart: Tomato and Basil Soup' })
    .click();
  await employee.getByRole('link', { name: 'Cart, 1 item' }).click();
  const placing = employee.waitForResponse((response) => response.url().includes('/trpc/order.place'));
  await employee.getByRole('button', { name: /^Place order/ }).click();
  await placing;
  const placedAt = Date.now();
  await expect(employee).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=true$/);
  const orderId = /\/orders\/([0-9a-f-]{36})/.exec(employee.url())![1]!;
  const number = numberOf(orderId);

  // The kitchen display shows the ticket without a reload.
  const toKitchen = await appearsAfter(kitchen, '[data-testid="kitchen-ticket"]', user.name, placedAt);
  const newColumn = kitchen.getByRole('region', { name: /^New/ });
  const ticket = newColumn.getByRole('article', { name: `Order ${number} for ${user.name}` });
  await expect(ticket).toContainText('Tomato and Basil Soup');
  await expect(kitchen.getByTestId('all-day')).toContainText('Tomato and Basil Soup');
  // Other tests' orders may be open too: the count drops by this order's one soup once it is ready.
  const soupsToPrepare = await allDayCount(kitchen, 'Tomato and Basil Soup');
  expect(soupsToPrepare).toBeGreaterThanOrEqual(1);
  await expect(employee.getByRole('list', { name: 'Where your order is' })).toContainText('Ordered');

  // Start, then Ready: the employee's receipt says so without a reload.
  await ticket.getByRole('button', { name: `Start: #${number}` }).click();
  const preparing = kitchen
    .getByRole('region', { name: /^Preparing/ })
    .getByRole('article', { name: `Order ${number} for ${user.name}` });
  await expect(preparing).toBeVisible();
  await expect(employee.getByText('The kitchen is preparing your order.')).toBeVisible();
  await preparing.getByRole('button', { name: `Ready: #${number}` }).click();
  const readyAt = Date.now();
  const toEmployee = await appearsAfter(employee, '[role="status"], [role="alert"], h2, p', 'Your order is ready', readyAt);
  await expect(employee.getByText(`Your order #${number} is ready`)).toBeVisible();
  await expect.poll(() => allDayCount(kitchen, 'Tomato and Basil Soup')).toBe(soupsToPrepare - 1);

  // The bell counts it, and opening it leads to the receipt.
  const bell = employee.getByRole('button', { name: 'Notifications, 1 unread' });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(employee.getByRole('list', { name: 'Notifications' })).toContainText(`Order #${number} is ready`);
  await employee.getByRole('link', { name: new RegExp(`Order #${number} is ready`) }).click();
  await expect(employee.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();

  // At the counter: the person shows the number (or the QR code) from their receipt; the counter types it and
  // hands the lunch over. The ticket leaves the display; the receipt shows the last step.
  const shown = (await employee.getByTestId('counter-number').textContent())!.trim();
  expect(shown).toBe(`#${number}`);
  await expect(employee.getByRole('img', { name: 'QR code of this order for the counter' })).toBeVisible();
  await kitchen.getByLabel('Order number or QR code').fill(shown.slice(-4));
  await kitchen.getByRole('button', { name: 'Find' }).click();
  const found = kitchen.getByRole('list', { name: 'Counter' }).getByRole('article', { name: `Order ${number} for ${user.name}` });
  await found.getByRole('button', { name: `Collected: #${number}` }).click();
  await expect(
    kitchen.getByRole('region', { name: /^Ready for pickup/ }).getByRole('article', { name: `Order ${number} for ${user.name}` }),
  ).toHaveCount(0);
  await expect(found).toContainText('Collected');
  await expect(employee.getByRole('listitem').filter({ hasText: 'Collected' })).toHaveAttribute('aria-current', 'step');
  console.info(`live: order placed -> kitchen display ${toKitchen} ms; kitchen "ready" -> employee's receipt ${toEmployee} ms`);

  await kitchenContext.close();
  await employeeContext.close();
});

test('an employee cancels an order the kitchen has not started and sees the money back', async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await creditWallet(request, user.id, { payer: 'Company subsidy', amountCents: 2_000 });
  const token = await apiLogin(request, user.email, user.password);
  const order = await placeOrder(request, token, [{ productName: 'Cappuccino', quantity: 2 }]);
  expect(await walletTotal(request, token)).toBe(2_000 - order.totalCents);

  await signInAs(page, user.email, user.password);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByText('You can still cancel it until they start.')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel order' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Cancel this order?' });
  await dialog.getByRole('button', { name: 'Cancel order' }).click();
  await expect(page.getByText(/^Order cancelled\. .* is back in your wallet\.$/)).toBeVisible();
  await expect(page.getByText('The money went back to your wallet and the dishes back on the menu.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  // The header's balance follows, and the ledger agrees.
  await expect.poll(async () => cents(await page.getByRole('link', { name: /^Wallet balance/ }).textContent())).toBe(2_000);
  expect(await walletTotal(request, token)).toBe(2_000);
});

test('once the kitchen has started, the order can no longer be cancelled', async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await creditWallet(request, user.id, { payer: 'Company subsidy', amountCents: 2_000 });
  const token = await apiLogin(request, user.email, user.password);
  const order = await placeOrder(request, token, [{ productName: 'Cappuccino', quantity: 1 }]);
  await signInAs(page, user.email, user.password);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByRole('button', { name: 'Cancel order' })).toBeVisible();
  // The kitchen starts while the receipt is open: the button goes away by itself.
  const kitchenToken = await apiLogin(request, DEMO.kitchen.email);
  const response = await request.post('/trpc/kitchen.setStatus', {
    headers: { authorization: `Bearer ${kitchenToken}`, 'content-type': 'application/json' },
    data: { orderId: order.id, status: 'preparing' },
  });
  expect(response.ok()).toBe(true);
  await expect(page.getByText('The kitchen is preparing your order.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
});

test('kitchen staff see the display and their profile, nothing with money', async ({ page }) => {
  await signIn(page, 'kitchen');
  await expect(page).toHaveURL(/\/kitchen$/);
  // The display takes the whole width; its navigation is behind the menu button.
  await expect(mainNav(page)).toBeHidden();
  await page.getByRole('button', { name: 'Open menu' }).click();
  await expect(mainNav(page).getByRole('link')).toHaveText(['Kitchen', 'Production sheet', 'Profile']);
  await expect(page.getByRole('link', { name: /^Cart/ })).toHaveCount(0);
  for (const path of ['/menu', '/wallet', '/orders', '/till', '/admin/users']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/kitchen$/);
  }
  await page.goto('/profile');
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
});
