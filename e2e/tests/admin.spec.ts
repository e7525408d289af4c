import { expect, test } from '@playwright/test';
import { mainNav, signIn, uniqueSuffix } from './fixtures';

test('an admin creates a department and a user, then finds the user by search', async ({ page }) => {
  const suffix = uniqueSuffix();
  const departmentName = `Pastry ${suffix}`;
  const departmentCode = `P${suffix.slice(-6)}`;
  const userName = `Tess Tester ${suffix}`;
  const email = `tess.${suffix.toLowerCase()}@canteen.test`;

  await signIn(page, 'admin');

  await mainNav(page).getByRole('link', { name: 'Departments' }).click();
  await page.getByRole('button', { name: 'New department' }).click();
  const departmentDialog = page.getByRole('dialog', { name: 'New department' });
  await departmentDialog.getByLabel('Name').fill(departmentName);
  await departmentDialog.getByLabel('Code').fill(departmentCode);
  await departmentDialog.getByRole('button', { name: 'Create department' }).click();
  await expect(departmentDialog).toBeHidden();
  await page.getByLabel('Search departments').fill(departmentName);
  await expect(page.getByRole('row', { name: new RegExp(departmentName) })).toContainText(departmentCode);

  await mainNav(page).getByRole('link', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'New user' }).click();
  const userDialog = page.getByRole('dialog', { name: 'New user' });
  await userDialog.getByLabel('Full name').fill(userName);
  await userDialog.getByLabel('Email').fill(email);
  await userDialog.getByLabel('Employee number').fill(`T-${suffix.slice(-8)}`);
  await userDialog.getByLabel('Role').click();
  await page.getByRole('option', { name: 'Manager' }).click();
  await userDialog.getByLabel('Department').click();
  await page.getByRole('option', { name: departmentName }).click();
  await userDialog.getByLabel('Initial password').fill('Crisp-Apple-Orbit-Lantern-42');
  await userDialog.getByRole('button', { name: 'Create user' }).click();
  await expect(userDialog).toBeHidden();

  await page.getByLabel('Search users').fill(`Tester ${suffix}`);
  const rows = page.getByRole('table', { name: 'Users' }).getByRole('row');
  await expect(rows).toHaveCount(2); // header + the one match
  await expect(rows.nth(1)).toContainText(userName);
  await expect(rows.nth(1)).toContainText(email);
  await expect(rows.nth(1)).toContainText(departmentName);
  await expect(rows.nth(1)).toContainText('Manager');

  // The department now has someone in it, so it offers no Delete, and says why.
  await mainNav(page).getByRole('link', { name: 'Departments' }).click();
  await page.getByLabel('Search departments').fill(departmentName);
  const remove = page.getByRole('button', { name: `Delete ${departmentName}` });
  await expect(remove).toBeDisabled();
  await expect(remove).toHaveAccessibleDescription('Move its 1 person first');
  await expect(page.getByRole('row', { name: new RegExp(departmentName) })).toContainText('1');
});

test('a manager sees only their own department on the People page', async ({ page }) => {
  await signIn(page, 'manager');
  await mainNav(page).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(page.getByText('Everyone in Engineering.')).toBeVisible();
  await page.getByLabel('Search people').fill('Eli Employee');
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await page.getByLabel('Search people').fill('Ada Admin');
  await expect(page.getByText('Nobody matches')).toBeVisible();
});
