import { expect, test } from '@playwright/test';
import {
  apiLogin,
  createDepartment,
  createUser,
  mainNav,
  pickPerson,
  signIn,
  signOut,
  uniqueSuffix,
  walletTotal,
} from './fixtures';

test('a manager adds a stock-tracked dish; the menu shows what is left, then sold out', async ({ browser, page }) => {
  const name = `Oat Flapjack ${uniqueSuffix()}`;
  await signIn(page, 'manager');
  await mainNav(page).getByRole('link', { name: 'Products' }).click();
  await page.getByRole('button', { name: 'New dish' }).click();
  const dialog = page.getByRole('dialog', { name: 'New dish' });
  await dialog.getByRole('button', { name: 'Add dish' }).click();
  await expect(dialog.getByText('Enter a price in euros, e.g. 4.50')).toBeVisible();
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Price (€)').fill('2.35');
  await dialog.getByLabel('Description').fill('Chewy oat bar with golden syrup.');
  await dialog.getByLabel('Category').click();
  await page.getByRole('option', { name: 'Snacks' }).click();
  await dialog.getByRole('group', { name: 'Allergens' }).getByRole('checkbox', { name: 'Gluten' }).click();
  await dialog.getByRole('group', { name: 'Allergens' }).getByRole('checkbox', { name: 'Milk' }).click();
  await dialog.getByRole('group', { name: 'Dietary' }).getByRole('checkbox', { name: 'Vegetarian' }).click();
  await dialog.getByRole('switch', { name: 'Track stock' }).click();
  await dialog.getByLabel('On the shelf now').fill('3');
  await dialog.getByRole('button', { name: 'Add dish' }).click();
  await expect(dialog).toBeHidden();
  await page.getByLabel('Search products').fill(name);
  const row = page.getByRole('table', { name: 'Products' }).getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('€2.35');
  await expect(row).toContainText('3');

  const employee = await (await browser.newContext()).newPage();
  await signIn(employee, 'employee');
  await employee.getByLabel('Search dishes').fill(name);
  const card = employee.getByRole('article', { name });
  await expect(card).toContainText('Only 3 left');
  await expect(card).toContainText('Contains: Gluten, Milk');
  await expect(card).toContainText('Vegetarian');

  await row.getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Adjust stock' }).click();
  const stock = page.getByRole('dialog', { name: `Adjust stock of ${name}` });
  await stock.getByRole('radio', { name: /Set count/ }).click();
  await stock.getByLabel('Count on the shelf').fill('0');
  await stock.getByRole('button', { name: 'Save stock' }).click();
  await expect(row).toContainText('Sold out');

  await employee.reload();
  await employee.getByLabel('Search dishes').fill(name);
  await expect(card.getByRole('button', { name: `Sold out: ${name}` })).toBeDisabled();

  // Archived dishes leave the menu but stay in the manager's list.
  await row.getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Archive' }).click();
  await expect(page.getByText('No products match')).toBeVisible();
  await page.getByRole('switch', { name: 'Show archived' }).click();
  await expect(row).toContainText('Archived');
});

test('a manager credits and adjusts one wallet; an admin credits a whole department', async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  const token = await apiLogin(request, user.email, user.password);
  await signIn(page, 'manager');
  await mainNav(page).getByRole('link', { name: 'Credits' }).click();
  const single = page.getByRole('region', { name: 'Credit one person' });
  await pickPerson(page, single, 'Who gets it', user.name);
  await expect(single.getByTestId('credit-balance')).toHaveText('€0.00');
  await single.getByLabel('Paid by').click();
  // A manager may pay from their department budget or a promotion, not from the company.
  await expect(page.getByRole('option', { name: /Company subsidy/ })).toHaveCount(0);
  await page.getByRole('option', { name: /Engineering budget/ }).click();
  await single.getByLabel('Amount (€)').fill('12.5');
  await single.getByLabel('Note (optional)').fill('Team lunch');
  await single.getByRole('button', { name: 'Credit wallet' }).click();
  await expect(single.getByTestId('credit-balance')).toHaveText('€12.50');
  expect(await walletTotal(request, token)).toBe(1_250);

  await single.getByLabel('Amount (€)').fill('-2.50');
  await single.getByRole('button', { name: 'Credit wallet' }).click();
  await expect(single.getByTestId('credit-balance')).toHaveText('€10.00');
  expect(await walletTotal(request, token)).toBe(1_000);

  const department = await createDepartment(request);
  const first = await createUser(request, 'employee', { department });
  const second = await createUser(request, 'employee', { department });
  await signOut(page);
  await signIn(page, 'admin');
  await mainNav(page).getByRole('link', { name: 'Credits' }).click();
  const bulk = page.getByRole('region', { name: 'Credit a whole team' });
  await bulk.getByLabel('Who gets it').click();
  await page.getByRole('option', { name: department }).click();
  await bulk.getByLabel('Paid by').click();
  await page.getByRole('option', { name: /Company subsidy/ }).click();
  await bulk.getByLabel('Amount each (€)').fill('7.25');
  await bulk.getByRole('button', { name: 'Credit everyone…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Credit everyone?' });
  await expect(confirm).toContainText(`€7.25 goes to everyone in ${department}`);
  await confirm.getByRole('button', { name: 'Credit everyone' }).click();
  await expect(page.getByText('Credited 2 people, €14.50 in total.')).toBeVisible();
  for (const person of [first, second]) {
    expect(await walletTotal(request, await apiLogin(request, person.email, person.password))).toBe(725);
  }
});
