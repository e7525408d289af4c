import { expect, test } from '@playwright/test';
import { createUser, enrolTotp, mainNav, signIn, signInAs, signOut, totpCode } from './fixtures';

test('a reset link from an admin lets the user choose a new password', async ({ page, request }) => {
  const user = await createUser(request);
  await signIn(page, 'admin');
  await mainNav(page).getByRole('link', { name: 'Users' }).click();
  await page.getByLabel('Search users').fill(user.name);
  await expect(page.getByRole('table', { name: 'Users' }).getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: `Actions for ${user.name}` }).click();
  await page.getByRole('menuitem', { name: 'Reset link' }).click();
  const dialog = page.getByRole('dialog', { name: `Password reset link for ${user.name}` });
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const link = await dialog.getByLabel('Reset link').inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/reset-password\?token=/);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await signOut(page);
  await expect(page).toHaveURL(/\/login$/);

  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill('Velvet-Comet-Ladder-Juniper-3');
  await page.getByLabel('Confirm new password').fill('Velvet-Comet-Ladder-Juniper-3');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password has been changed' })).toBeVisible();

  // The link is single-use.
  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill('Another-Strong-Phrase-Walnut-8');
  await page.getByLabel('Confirm new password').fill('Another-Strong-Phrase-Walnut-8');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('alert')).toContainText('invalid or has already been used');

  await signInAs(page, user.email, 'Velvet-Comet-Ladder-Juniper-3');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('a user turns on two-factor authentication and then signs in with a code', async ({ page, request }) => {
  const user = await createUser(request);
  await signInAs(page, user.email, user.password);
  await mainNav(page).getByRole('link', { name: 'Profile' }).click();
  const secret = await enrolTotp(page);

  await signOut(page);
  await signInAs(page, user.email, user.password);
  await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
  await page.getByLabel('Authentication code').fill('000000');
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page.getByRole('alert')).toContainText("That code didn't work");
  await page.getByLabel('Authentication code').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('turning two-factor authentication off asks for the password and a current code', async ({ page, request }) => {
  const user = await createUser(request);
  await signInAs(page, user.email, user.password);
  await mainNav(page).getByRole('link', { name: 'Profile' }).click();
  const secret = await enrolTotp(page);

  await page.getByRole('button', { name: 'Turn off' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Password').fill(user.password);
  await dialog.getByLabel('Code from your app').fill('000000');
  await dialog.getByRole('button', { name: 'Turn off' }).click();
  await expect(dialog).toContainText("That code didn't work");
  await dialog.getByLabel('Code from your app').fill(totpCode(secret));
  await dialog.getByRole('button', { name: 'Turn off' }).click();
  await expect(page.getByRole('button', { name: 'Set up two-factor authentication' })).toBeVisible();
});

test('changing the password keeps this session, and the new password works next time', async ({ page, request }) => {
  const user = await createUser(request);
  await signInAs(page, user.email, user.password);
  await mainNav(page).getByRole('link', { name: 'Profile' }).click();

  await page.getByLabel('Current password').fill('wrong-current-password');
  await page.getByLabel('New password', { exact: true }).fill('Tangerine-Glacier-Piano-Ferry-5');
  await page.getByLabel('Confirm new password').fill('Tangerine-Glacier-Piano-Ferry-5');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your current password is not correct')).toBeVisible();

  await page.getByLabel('Current password').fill(user.password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed.')).toBeVisible();
  // The old access token is void after a password change; the app carries on with a refreshed one.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();

  await signOut(page);
  await signInAs(page, user.email, 'Tangerine-Glacier-Piano-Ferry-5');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});
