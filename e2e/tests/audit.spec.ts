import { readFile } from 'node:fs/promises';
import { type Page, expect, test } from '@playwright/test';
import { DEMO, createUser, mainNav, pickPerson, signIn } from './fixtures';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Today and yesterday as the browser's date inputs take them (its own time zone decides the day). */
const browserDays = (page: Page) =>
  page.evaluate(() => {
    const day = (date: Date) =>
      `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    const now = new Date();
    return { today: day(now), yesterday: day(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1)) };
  });

test('an admin finds their change in the audit log by who, what and when, keeps the filters in the address and downloads them', async ({
  page,
  request,
}) => {
  // One story from the change to the download, about 30 s on a busy two-core machine.
  test.slow();
  const person = await createUser(request, 'employee', { department: 'Engineering' });
  const newName = person.name.replace('Robin Roe', 'Robin Rowe');

  // Something audited, done in the app: the admin renames the person.
  await signIn(page, 'admin');
  await mainNav(page).getByRole('link', { name: 'Users' }).click();
  await page.getByLabel('Search users').fill(person.email);
  await page.getByRole('button', { name: `Actions for ${person.name}` }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${person.name}` });
  await dialog.getByLabel('Full name').fill(newName);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();

  await mainNav(page).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('table', { name: 'Audit entries' })).toBeVisible();
  const { today, yesterday } = await browserDays(page);
  await pickPerson(page, page, 'Done by', DEMO.admin.name);
  await expect(page.getByTestId('picked-person')).toHaveText(DEMO.admin.name);
  await page.getByLabel('About', { exact: true }).click();
  await page.getByRole('option', { name: 'Person', exact: true }).click();
  await page.getByLabel('From', { exact: true }).fill(today);
  await page.getByLabel('To (included)').fill(today);

  // The address holds every filter, so a reload (or a shared link) shows the same entries.
  await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBe(today);
  const params = new URL(page.url()).searchParams;
  expect(params.get('actor')).toMatch(UUID);
  expect(params.get('entity')).toBe('User');
  expect(params.get('from')).toBe(today);
  await page.reload();
  await expect(page.getByTestId('picked-person')).toHaveText(DEMO.admin.name);
  await expect(page.getByLabel('About', { exact: true })).toHaveText('Person');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(today);
  await expect(page.getByLabel('To (included)')).toHaveValue(today);

  // The entry reads in words: who by name, what they did, and whom it was about by name; no ids.
  const entries = page.getByRole('table', { name: 'Audit entries' });
  const entry = entries.getByRole('row').filter({ hasText: 'Changed a user' }).filter({ hasText: newName });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(DEMO.admin.name);
  await expect(entry).not.toContainText(person.id);
  await expect(entries).not.toContainText('Not signed in');

  // Expanded: one row per changed field, the old value struck out and the new one after it.
  await entry.getByRole('button', { name: /^Show changes: Changed a user/ }).click();
  const changes = page.getByRole('region', { name: new RegExp(`^Changes: Changed a user, ${newName}`) });
  await expect(changes).toHaveAttribute('tabindex', '0');
  const nameChange = changes.getByRole('listitem').filter({ hasText: 'Changed' }).filter({ hasText: person.name });
  await expect(nameChange).toHaveCount(1);
  await expect(nameChange.locator('del')).toHaveText(person.name);
  await expect(nameChange.locator('ins')).toHaveText(newName);

  // The CSV carries the same filters: only the admin's changes to people, today.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`canteen-audit-${today}.csv`);
  const lines = (await readFile(await download.path(), 'utf8')).split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('at,actor,action,entity,about,entity_id,ip');
  expect(lines.find((line) => line.includes(`,user.update,`) && line.includes(person.id))).toContain(
    `,${DEMO.admin.name},user.update,User,${newName},${person.id},`,
  );
  for (const line of lines.slice(1)) expect(line).toMatch(new RegExp(`^[^,]+,${DEMO.admin.name},[^,]+,User,`));

  // Phone width: the rows stack and the page does not scroll sideways, expanded entry included.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(changes).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Another range finds nothing; Clear filters empties the address and shows everything again.
  await page.getByLabel('To (included)').fill(yesterday);
  await page.getByLabel('From', { exact: true }).fill(yesterday);
  await expect(page.getByText('No entries match')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect.poll(() => new URL(page.url()).search).toBe('');
  await expect(entries.getByRole('row').filter({ hasText: newName }).first()).toBeVisible();
});

test('Back returns to the audit log with its filters', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/audit?entity=Session&action=auth.');
  await expect(page.getByLabel('About', { exact: true })).toHaveText('Sign-in session');
  await expect(page.getByLabel('Action starts with')).toHaveValue('auth.');
  const entries = page.getByRole('table', { name: 'Audit entries' });
  await expect(entries.getByRole('row').nth(1)).toContainText('Signed in');
  await mainNav(page).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel('About', { exact: true })).toHaveText('Sign-in session');
  await expect(page.getByLabel('Action starts with')).toHaveValue('auth.');
});
