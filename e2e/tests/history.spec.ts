import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { apiLogin, createUser, creditWallet, mainNav, placeOrder, signInAs } from './fixtures';

test('the wallet shows an order paid by two payers as one row that opens to the split, filters it and downloads it', async ({
  page,
  request,
}) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await creditWallet(request, user.id, { payer: 'Welcome promo', amountCents: 300, daysAgo: 3 });
  await creditWallet(request, user.id, { payer: 'Company subsidy', amountCents: 4_000, daysAgo: 1 });
  const token = await apiLogin(request, user.email, user.password);
  const order = await placeOrder(request, token, [{ productName: 'Beef Lasagne al Forno', quantity: 1 }]);

  await signInAs(page, user.email, user.password);
  await mainNav(page).getByRole('link', { name: 'Wallet' }).click();
  const history = page.getByRole('table', { name: 'Wallet history' });
  // Two credits and one order: three rows, not four.
  await expect(history.getByRole('row')).toHaveCount(4);
  const orderRow = history.getByRole('row', { name: /Order #/ });
  await expect(orderRow).toContainText('Split between 2 payers');
  await expect(orderRow).toContainText(`−€${(order.totalCents / 100).toFixed(2)}`);
  await orderRow.getByRole('button', { name: 'Show who paid (2 payers)' }).click();
  const split = page.getByRole('list', { name: 'Paid by' });
  await expect(split.getByRole('listitem')).toHaveText([/Company subsidy/, /Welcome promo.*−€3\.00/]);

  await page.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: 'Credits' }).click();
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history.getByRole('row', { name: /Order #/ })).toHaveCount(0);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /Download CSV of your wallet history/ }).click();
  const csv = await readFile((await (await downloading).path()) ?? '', 'utf8');
  expect(csv.split('\r\n')[0]).toBe('occurred_at,kind,order_id,amount,by_payer,note,by');
  // The download follows the filter: credits only.
  expect(csv).not.toContain(',spend,');
  expect(csv).toContain(',credit,');
});

test('orders can be searched and filtered in the address, and "Order again" refills the cart', async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await creditWallet(request, user.id, { payer: 'Company subsidy', amountCents: 5_000 });
  const token = await apiLogin(request, user.email, user.password);
  await placeOrder(request, token, [{ productName: 'Mango Lassi', quantity: 2 }]);
  const soup = await placeOrder(request, token, [{ productName: 'Tomato and Basil Soup', quantity: 1 }]);

  await signInAs(page, user.email, user.password);
  await mainNav(page).getByRole('link', { name: 'Orders' }).click();
  const orders = page.getByRole('table', { name: 'Your orders' });
  await expect(orders.getByRole('row')).toHaveCount(3);
  await page.getByRole('searchbox', { name: 'Search' }).fill('lassi');
  await expect(page).toHaveURL(/q=lassi/);
  await expect(orders.getByRole('row')).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Refunded' }).click();
  await expect(page.getByText('No orders match')).toBeVisible();
  await page.goBack();
  await expect(orders.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(orders.getByRole('row')).toHaveCount(3);

  const number = soup.id.replace(/-/g, '').slice(-8).toUpperCase();
  await page.getByRole('button', { name: `Order again: #${number}` }).click();
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByText('1 dish is in your cart.')).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Tomato and Basil Soup');
});
