import { expect, test } from '@playwright/test';
import { apiLogin, createDepartment, createUser, creditWallet, mainNav, placeOrder, signIn } from './fixtures';

/** "#1A2B3C4D", as the app names an order (the random tail of its id). */
const orderNumber = (id: string): string => `#${id.replace(/-/g, '').slice(-8).toUpperCase()}`;

test('a manager opens a person from People: balance per payer, an order with its receipt, and the credits', async ({
  page,
  request,
}) => {
  const person = await createUser(request, 'employee', { department: 'Engineering' });
  await creditWallet(request, person.id, { payer: 'Company subsidy', amountCents: 3_000, daysAgo: 2 });
  await creditWallet(request, person.id, { payer: 'Engineering budget', amountCents: 1_500, daysAgo: 1 });
  // Tomato and Basil Soup is €3.90, taken from the oldest money: the company's.
  const order = await placeOrder(request, await apiLogin(request, person.email, person.password), [
    { productName: 'Tomato and Basil Soup', quantity: 1 },
  ]);

  await signIn(page, 'manager');
  await mainNav(page).getByRole('link', { name: 'People' }).click();
  await page.getByLabel('Search people').fill(person.email);
  await page.getByRole('table').getByRole('link', { name: person.name }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${person.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: person.name })).toBeVisible();
  await expect(page).toHaveTitle(`${person.name} · Canteen`);

  const profile = page.getByRole('region', { name: 'Profile' });
  await expect(profile).toContainText(person.email);
  await expect(profile).toContainText('Engineering');
  // They signed in (to order) moments ago.
  await expect(profile.getByTestId('person-last-sign-in')).toContainText(String(new Date().getFullYear()));

  const balance = page.getByRole('region', { name: 'Balance' });
  await expect(balance.getByTestId('person-balance-total')).toHaveText('€41.10');
  await expect(balance.getByRole('listitem').filter({ hasText: 'Company subsidy' })).toContainText('€26.10');
  await expect(balance.getByRole('listitem').filter({ hasText: 'Engineering budget' })).toContainText('€15.00');

  // Credits, not spends: the two credits, newest first.
  const credits = page.getByRole('table', { name: 'Credits and refunds' });
  const creditRows = credits.getByRole('row');
  await expect(creditRows).toHaveCount(3);
  await expect(creditRows.nth(1)).toContainText('Engineering budget');
  await expect(creditRows.nth(1)).toContainText('+€15.00');
  await expect(creditRows.nth(2)).toContainText('Company subsidy');
  await expect(creditRows.nth(2)).toContainText('Test credit');
  await expect(credits).not.toContainText('€3.90');

  const statement = page.getByRole('link', { name: 'Monthly statement' });
  await expect(statement).toHaveAttribute('href', new RegExp(`^/reports/statement\\?userId=${person.id}&month=\\d{4}-\\d{2}$`));

  const orders = page.getByRole('table', { name: 'Recent orders' });
  await expect(orders.getByRole('row')).toHaveCount(2);
  await expect(orders).toContainText('€3.90');
  await orders.getByRole('link', { name: orderNumber(order.id) }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Receipt' })).toBeVisible();
  await expect(page.getByText('Tomato and Basil Soup')).toBeVisible();
});

test('a manager cannot open a person of another department', async ({ page, request }) => {
  const department = await createDepartment(request);
  const outsider = await createUser(request, 'employee', { department });
  await creditWallet(request, outsider.id, { payer: 'Company subsidy', amountCents: 1_000 });

  await signIn(page, 'manager');
  await page.goto(`/people/${outsider.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Person not found' })).toBeVisible();
  await expect(page.getByText("They don't exist, or they are not in your department.")).toBeVisible();
  await expect(page.getByText(outsider.name)).toHaveCount(0);
  await expect(page.getByText(outsider.email)).toHaveCount(0);

  await page.goto('/people/not-a-person');
  await expect(page.getByRole('heading', { level: 1, name: 'Person not found' })).toBeVisible();
});

test('an admin opens a person from Users, erases them, and finds them again only with Show erased people', async ({
  page,
  request,
}) => {
  const person = await createUser(request, 'employee');
  const erasedNumber = `ERASED-${person.id.slice(-12)}`;
  await signIn(page, 'admin');
  await mainNav(page).getByRole('link', { name: 'Users' }).click();
  await page.getByLabel('Search users').fill(person.email);

  await page.getByRole('table', { name: 'Users' }).getByRole('link', { name: person.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: person.name })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Balance' })).toContainText('The wallet is empty');
  await page.getByRole('link', { name: 'Back to users' }).click();

  await page.getByLabel('Search users').fill(person.email);
  await page.getByRole('button', { name: `Actions for ${person.name}` }).click();
  await page.getByRole('menuitem', { name: 'Erase personal data…' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Erase ${person.name}'s personal data?` });
  await dialog.getByLabel(/To confirm, type their email/).fill(person.email);
  await dialog.getByRole('button', { name: 'Erase personal data' }).click();
  await expect(dialog).toBeHidden();

  // Left out by default, even when searched for by what they are called now.
  await page.getByLabel('Search users').fill(erasedNumber);
  await expect(page.getByText('No users match')).toBeVisible();

  const showErased = page.getByRole('switch', { name: 'Show erased people' });
  await showErased.click();
  await expect(showErased).toBeChecked();
  const rows = page.getByRole('table', { name: 'Users' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Erased person');
  await expect(rows.nth(1)).toContainText(erasedNumber);
  await expect(rows.nth(1).getByText('Erased', { exact: true }).filter({ visible: true })).toHaveCount(1);
  // An erased person has no page to open and nothing left to edit.
  await expect(rows.nth(1).getByRole('link')).toHaveCount(0);
  await rows.nth(1).getByRole('button', { name: 'Actions for Erased person' }).click();
  await expect(page.getByRole('menuitem', { name: 'Export data' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Edit' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await showErased.click();
  await expect(page.getByText('No users match')).toBeVisible();
});
