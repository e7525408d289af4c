import { type Browser, expect, test } from '@playwright/test';
import { createUser, enrolTotp, mainNav, signInAs } from './fixtures';

// Runs last (file order) because it flips a company-wide setting; it uses its own admin and manager and
// turns the setting off again at the end.

const openPage = async (browser: Browser) => (await browser.newContext()).newPage();

test('requiring 2FA for staff sends managers and admins without it to set it up first', async ({ browser, request }) => {
  const admin = await createUser(request, 'admin');
  const manager = await createUser(request, 'manager');
  const policyName = 'Require two-factor authentication for managers and admins';
  const banner = 'Two-factor authentication is required';

  const adminPage = await openPage(browser);
  await signInAs(adminPage, admin.email, admin.password);
  await mainNav(adminPage).getByRole('link', { name: 'Settings' }).click();
  const policy = adminPage.getByRole('switch', { name: policyName });
  await expect(policy).not.toBeChecked();
  await policy.click();
  // The rule covers the admin who turned it on, too.
  await expect(adminPage).toHaveURL(/\/profile$/);
  await expect(adminPage.getByText(banner)).toBeVisible();

  const managerPage = await openPage(browser);
  await signInAs(managerPage, manager.email, manager.password);
  await expect(managerPage).toHaveURL(/\/profile$/);
  await expect(managerPage.getByText(banner)).toBeVisible();
  await mainNav(managerPage).getByRole('link', { name: 'People' }).click();
  await expect(managerPage).toHaveURL(/\/profile$/);

  await enrolTotp(managerPage);
  await expect(managerPage.getByText(banner)).toBeHidden();
  await mainNav(managerPage).getByRole('link', { name: 'People' }).click();
  await expect(managerPage.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();

  await enrolTotp(adminPage);
  await mainNav(adminPage).getByRole('link', { name: 'Settings' }).click();
  await adminPage.getByRole('switch', { name: policyName }).click();
  await expect(adminPage.getByRole('switch', { name: policyName })).not.toBeChecked();
  await expect(adminPage.getByText('Two-factor authentication is optional again.')).toBeVisible();
});
