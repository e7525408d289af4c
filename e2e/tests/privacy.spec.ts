import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DEMO, apiLogin, createUser, creditWallet, mainNav, placeOrder, signIn, signInAs, signOut } from './fixtures';

test('an employee downloads everything Canteen holds about them from the profile page', async ({ page }) => {
  await signIn(page, 'employee');
  await mainNav(page).getByRole('link', { name: 'Profile' }).click();
  const card = page.getByRole('region', { name: 'Your data' });
  await expect(card).toContainText('recorded in the audit log');

  const downloading = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Download my data' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^canteen-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile(await download.path(), 'utf8')) as Record<string, unknown> & {
    profile: { email: string; anonymizedAt: string | null };
  };
  expect(data.profile.email).toBe(DEMO.employee.email);
  expect(data.profile.anonymizedAt).toBeNull();
  expect(Array.isArray(data.orders)).toBe(true);
  expect(Array.isArray(data.walletEntries)).toBe(true);
  await expect(page.getByText('Your data has been downloaded.')).toBeVisible();
});

test('an admin exports a person’s data, then erases it: only the typed email unlocks it, and the person is gone', async ({
  page,
  request,
}) => {
  const person = await createUser(request, 'employee', { department: 'Engineering' });
  await creditWallet(request, person.id, { payer: 'Company subsidy', amountCents: 3_000 });
  const order = await placeOrder(request, await apiLogin(request, person.email, person.password), [
    { productName: 'Tomato and Basil Soup', quantity: 1 },
  ]);

  await signIn(page, 'admin');
  await mainNav(page).getByRole('link', { name: 'Users' }).click();

  // Nobody erases themself: the admin's own row has no Erase.
  await page.getByLabel('Search users').fill(DEMO.admin.email);
  await page.getByRole('button', { name: `Actions for ${DEMO.admin.name}` }).click();
  await expect(page.getByRole('menuitem', { name: 'Export data' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Erase/ })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.getByLabel('Search users').fill(person.email);
  const rows = page.getByRole('table', { name: 'Users' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(person.name);

  // Export, on the person's request: the file carries their email and their order.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: `Actions for ${person.name}` }).click();
  await page.getByRole('menuitem', { name: 'Export data' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^canteen-data-${person.email.replace(/\./g, '\\.')}-\\d{4}-\\d{2}-\\d{2}\\.json$`),
  );
  const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    profile: { email: string };
    orders: { id: string }[];
    walletEntries: unknown[];
  };
  expect(exported.profile.email).toBe(person.email);
  expect(exported.orders.map((item) => item.id)).toEqual([order.id]);
  expect(exported.walletEntries.length).toBeGreaterThan(0);

  await page.getByRole('button', { name: `Actions for ${person.name}` }).click();
  await page.getByRole('menuitem', { name: 'Erase personal data…' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Erase ${person.name}'s personal data?` });
  await expect(dialog).toContainText('cannot be undone');
  await expect(dialog).toContainText('orders, wallet entries and card payments stay');
  const erase = dialog.getByRole('button', { name: 'Erase personal data' });
  const confirmEmail = dialog.getByLabel(/To confirm, type their email/);
  await expect(erase).toBeDisabled();
  await confirmEmail.fill(person.name);
  await expect(erase).toBeDisabled();
  await confirmEmail.fill(person.email.slice(0, -1));
  await expect(erase).toBeDisabled();
  // Case and surrounding spaces do not matter, as for the API.
  await confirmEmail.fill(`  ${person.email.toUpperCase()} `);
  await expect(erase).toBeEnabled();
  await erase.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Erased the personal data of ${person.name}.`)).toBeVisible();

  // The user list leaves erased people out (user.list filters them), so the search finds no one by the old email.
  await expect(page.getByText('No users match')).toBeVisible();
  await page.getByLabel('Search users').fill('Erased person');
  await expect(page.getByText('No users match')).toBeVisible();

  // Their order stays, for "Erased person".
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByText(/for Erased person/)).toBeVisible();
  await expect(page.getByText(person.name)).toHaveCount(0);

  await signOut(page);
  await signInAs(page, person.email, person.password);
  await expect(page.getByRole('alert')).toHaveText("That email and password don't match. Check them and try again.");
  await expect(page.getByRole('heading', { name: 'Sign in to Canteen' })).toBeVisible();
});
