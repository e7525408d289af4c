import { type Locator, type Page, expect, test } from '@playwright/test';
import { createDepartment, createUser, mainNav, pickPerson, signIn, uniqueSuffix } from './fixtures';

/** Whether two boxes on the screen share any pixel. */
const overlaps = async (a: Locator, b: Locator): Promise<boolean> => {
  const [one, two] = [await a.boundingBox(), await b.boundingBox()];
  if (!one || !two) throw new Error('Both must be on the screen');
  return one.x < two.x + two.width && two.x < one.x + one.width && one.y < two.y + two.height && two.y < one.y + one.height;
};

const toast = (page: Page, text: string | RegExp) =>
  page
    .getByRole('region', { name: /Notifications/ })
    .getByRole('listitem')
    .filter({ hasText: text });

test('the news editor takes back a message as soon as its field is right', async ({ page }) => {
  await signIn(page, 'manager');
  await page.goto('/news/new');
  await page.getByRole('button', { name: 'Publish' }).click();
  const channel = page.getByLabel('Channel');
  const text = page.getByLabel('Text', { exact: true });
  await expect(channel).toHaveAccessibleDescription('Choose a channel');
  await expect(text).toHaveAccessibleDescription(/Write something$/);

  await text.fill('Soup of the day: tomato.');
  await expect(text).not.toHaveAccessibleDescription(/Write something/);
  // Still checked as it changes: emptied again, the message is back at once.
  await text.fill('  ');
  await expect(text).toHaveAccessibleDescription(/Write something$/);
  await text.fill('Soup of the day: tomato.');
  await expect(text).not.toHaveAccessibleDescription(/Write something/);
  await expect(channel).toHaveAccessibleDescription('Choose a channel');
  await channel.click();
  await page.getByRole('option').first().click();
  await expect(channel).not.toHaveAccessibleDescription('Choose a channel');
});

test('the credit forms take back a message as soon as its field is right', async ({ page, request }) => {
  const person = await createUser(request, 'employee', { department: 'Engineering' });
  await signIn(page, 'manager');
  await mainNav(page).getByRole('link', { name: 'Credits' }).click();
  const single = page.getByRole('region', { name: 'Credit one person' });
  await single.getByRole('button', { name: 'Credit wallet' }).click();
  // Every missing field says so at once, who gets it included.
  await expect(single.getByText('Choose who gets the money')).toBeVisible();
  await expect(single.getByText('Choose who pays')).toBeVisible();
  const amount = single.getByLabel('Amount (€)');
  await expect(amount).toHaveAccessibleDescription(/Enter an amount in euros/);

  await amount.fill('abc');
  await expect(amount).toHaveAccessibleDescription(/Enter an amount in euros/);
  await amount.fill('12.50');
  await expect(amount).not.toHaveAccessibleDescription(/Enter an amount in euros/);
  await single.getByLabel('Paid by').click();
  await page.getByRole('option', { name: /Engineering budget/ }).click();
  await expect(single.getByText('Choose who pays')).toBeHidden();
  await pickPerson(page, single, 'Who gets it', person.name);
  await expect(single.getByText('Choose who gets the money')).toBeHidden();

  const bulk = page.getByRole('region', { name: 'Credit a whole team' });
  await bulk.getByRole('button', { name: 'Credit everyone…' }).click();
  await expect(bulk.getByText('Choose who pays')).toBeVisible();
  const each = bulk.getByLabel('Amount each (€)');
  await expect(each).toHaveAccessibleDescription(/Enter an amount in euros/);
  await each.fill('5');
  await expect(each).not.toHaveAccessibleDescription(/Enter an amount in euros/);
  await bulk.getByLabel('Paid by').click();
  await page.getByRole('option', { name: /Engineering budget/ }).click();
  await expect(bulk.getByText('Choose who pays')).toBeHidden();
});

test('a new employee must be given a department; only an admin may have none', async ({ page }) => {
  const suffix = uniqueSuffix();
  const name = `Dana Department ${suffix}`;
  await signIn(page, 'admin');
  await mainNav(page).getByRole('link', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  const department = dialog.getByLabel('Department');
  // No department is guessed for an employee, and "No department" is not among the choices.
  await expect(department).toHaveText('Choose a department');
  await department.click();
  await expect(page.getByRole('option', { name: 'Engineering' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'No department' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await dialog.getByLabel('Full name').fill(name);
  await dialog.getByLabel('Email').fill(`dana.${suffix.toLowerCase()}@canteen.test`);
  await dialog.getByLabel('Employee number').fill(`DD-${suffix.slice(-8)}`);
  await dialog.getByLabel('Initial password').fill('Crisp-Apple-Orbit-Lantern-42');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  // Refused in the form, before anything is sent, next to the field.
  await expect(department).toHaveAccessibleDescription('Employees and managers belong to a department');
  await expect(dialog).toBeVisible();

  // An admin may have none: the message goes with the new role, and comes back with the old one.
  await dialog.getByLabel('Role').click();
  await page.getByRole('option', { name: 'Admin' }).click();
  await expect(department).toHaveText('No department');
  await expect(department).not.toHaveAccessibleDescription('Employees and managers belong to a department');
  await dialog.getByLabel('Role').click();
  await page.getByRole('option', { name: 'Employee' }).click();
  await expect(department).toHaveText('Choose a department');
  await expect(department).toHaveAccessibleDescription('Employees and managers belong to a department');

  await department.click();
  await page.getByRole('option', { name: 'Finance' }).click();
  await expect(department).not.toHaveAccessibleDescription('Employees and managers belong to a department');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog).toBeHidden();
  await page.getByLabel('Search users').fill(name);
  const rows = page.getByRole('table', { name: 'Users' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Finance');
});

test('a second dish with the name of one on the menu is refused at its name', async ({ page }) => {
  await signIn(page, 'manager');
  await mainNav(page).getByRole('link', { name: 'Products' }).click();
  await page.getByRole('button', { name: 'New dish' }).click();
  const dialog = page.getByRole('dialog', { name: 'New dish' });
  const name = dialog.getByLabel('Name');
  // The demo menu's "Red Lentil Dal Soup", in other letters.
  await name.fill('RED lentil dal soup');
  await dialog.getByLabel('Price (€)').fill('3.90');
  await dialog.getByLabel('Category').click();
  await page.getByRole('option', { name: 'Soups' }).click();
  await dialog.getByRole('button', { name: 'Add dish' }).click();
  const taken = 'Another dish on the menu already has that name. Choose a different name.';
  await expect(name).toHaveAccessibleDescription(taken);
  await expect(name).toBeFocused();
  await expect(dialog).toBeVisible();

  const other = `Red Lentil Dal Soup ${uniqueSuffix()}`;
  await name.fill(other);
  await expect(name).not.toHaveAccessibleDescription(taken);
  await dialog.getByRole('button', { name: 'Add dish' }).click();
  await expect(dialog).toBeHidden();
  await page.getByLabel('Search products').fill('Red Lentil Dal Soup');
  // The original and the new one; no copy of the original.
  const rows = page.getByRole('table', { name: 'Products' }).getByRole('row');
  await expect(rows.filter({ hasText: other })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Red Lentil Dal Soup' })).toHaveCount(2);
});

test('the bulk credit confirmation says how many people get it and the total', async ({ page, request }) => {
  const department = await createDepartment(request);
  const people = [];
  for (let index = 0; index < 3; index++) people.push(await createUser(request, 'employee', { department }));
  const empty = await createDepartment(request);
  await signIn(page, 'admin');
  await mainNav(page).getByRole('link', { name: 'Credits' }).click();
  const bulk = page.getByRole('region', { name: 'Credit a whole team' });
  await bulk.getByLabel('Paid by').click();
  await page.getByRole('option', { name: /Company subsidy/ }).click();
  await bulk.getByLabel('Amount each (€)').fill('20');

  // A department with nobody in it: nothing to confirm.
  await bulk.getByLabel('Who gets it').click();
  await page.getByRole('option', { name: empty }).click();
  await bulk.getByRole('button', { name: 'Credit everyone…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Credit everyone?' });
  await expect(confirm).toContainText('Nobody would get it');
  await expect(confirm.getByRole('button', { name: 'Credit everyone' })).toBeDisabled();
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  await bulk.getByLabel('Who gets it').click();
  await page.getByRole('option', { name: department }).click();
  await bulk.getByRole('button', { name: 'Credit everyone…' }).click();
  await expect(confirm).toContainText(`€20.00 goes to everyone in ${department} (3 people): €60.00 in all.`);
  await confirm.getByRole('button', { name: 'Credit everyone' }).click();
  await expect(page.getByText('Credited 3 people, €60.00 in total.')).toBeVisible();
});

test('a department people still belong to offers no Delete, and says why', async ({ page, request }) => {
  const busy = await createDepartment(request);
  await createUser(request, 'employee', { department: busy });
  await createUser(request, 'employee', { department: busy });
  const empty = await createDepartment(request);
  await signIn(page, 'admin');
  await mainNav(page).getByRole('link', { name: 'Departments' }).click();

  await page.getByLabel('Search departments').fill(busy);
  const blocked = page.getByRole('button', { name: `Delete ${busy}` });
  await expect(blocked).toBeDisabled();
  await expect(blocked).toHaveAccessibleDescription('Move its 2 people first');

  // Someone joins after the list was read: the API still refuses, with the reason in words.
  const joined = await createDepartment(request);
  await page.getByLabel('Search departments').fill(joined);
  const late = page.getByRole('button', { name: `Delete ${joined}` });
  await expect(late).toBeEnabled();
  await createUser(request, 'employee', { department: joined });
  await late.click();
  const confirm = page.getByRole('alertdialog');
  await confirm.getByRole('button', { name: 'Delete department' }).click();
  await expect(confirm.getByRole('alert')).toHaveText(
    'This department still has people in it. Move them to another department before deleting it.',
  );
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  // The list has caught up.
  await expect(late).toBeDisabled();
  await expect(late).toHaveAccessibleDescription('Move its 1 person first');

  await page.getByLabel('Search departments').fill(empty);
  await page.getByRole('button', { name: `Delete ${empty}` }).click();
  await expect(confirm).toContainText('This cannot be undone.');
  await confirm.getByRole('button', { name: 'Delete department' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('No departments match')).toBeVisible();
});

for (const viewport of [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a desktop', width: 1280, height: 800 },
]) {
  test(`a toast leaves the page's own buttons free on ${viewport.name}`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page, 'admin');
    await page.goto('/admin/departments');
    const suffix = uniqueSuffix();
    const name = `Toast ${suffix}`;
    const newDepartment = page.getByRole('button', { name: 'New department' });
    await newDepartment.click();
    const dialog = page.getByRole('dialog', { name: 'New department' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Code').fill(`T${suffix.slice(-6)}`);
    await dialog.getByRole('button', { name: 'Create department' }).click();
    const created = toast(page, `Created ${name}.`);
    await expect(created).toBeVisible();
    // Settled where it stays (it slides in).
    await expect(async () => {
      const before = await created.boundingBox();
      await page.waitForTimeout(150);
      expect(await created.boundingBox()).toEqual(before);
    }).toPass();
    expect(await overlaps(created, newDepartment)).toBe(false);
    expect(await overlaps(created, page.getByRole('button', { name: 'Sign out' }))).toBe(false);
    expect(await overlaps(created, page.getByLabel('Search departments'))).toBe(false);
  });
}
