import { expect, test } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, apiClient, apiLogin, createUser } from './fixtures';

/*
 * The language comes from the browser (here German) and can be changed in the profile; numbers, amounts and dates
 * follow the language shown, never a browser locale under an English text.
 */
test.use({ locale: 'de-DE' });

const signInGerman = async (page: import('@playwright/test').Page) => {
  await page.goto('/login');
  await page.getByLabel(/E-Mail/).fill(DEMO.employee.email);
  await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Speisekarte' })).toBeVisible();
};

test('a German browser gets Canteen in German, amounts as "2,50 €"; the profile switches it to English and back', async ({
  page,
}) => {
  await signInGerman(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('searchbox', { name: 'Gerichte suchen' })).toBeVisible();
  const card = page.getByRole('article', { name: 'Apfelschorle 0.33 l' });
  await expect(card.getByText('2,50 €')).toBeVisible();
  await expect(card.getByRole('button', { name: /In den Warenkorb/ })).toBeVisible();

  await page.goto('/profile');
  await page.getByRole('combobox', { name: 'Sprache' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Preferences' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/menu');
  await expect(page.getByRole('heading', { name: 'Menu' })).toBeVisible();
  // English text, English numbers: the browser's German locale does not leak into amounts.
  await expect(page.getByRole('article', { name: 'Apfelschorle 0.33 l' }).getByText('€2.50')).toBeVisible();

  // The choice is kept in this browser across reloads, and "Same as this browser" gives German back.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Menu' })).toBeVisible();
  await page.goto('/profile');
  await page.getByRole('combobox', { name: 'Language' }).click();
  await page.getByRole('option', { name: 'Same as this browser' }).click();
  await expect(page.getByRole('heading', { name: 'Darstellung und Sprache' })).toBeVisible();
});

test('the account learns the language the app shows, so emails speak it: German from the browser, then English', async ({
  page,
  request,
}) => {
  const user = await createUser(request);
  const languageOf = async () =>
    (await apiClient(request, await apiLogin(request, user.email, user.password)).auth.me.query()).language;
  expect(await languageOf()).toBeNull();
  await page.goto('/login');
  await page.getByLabel(/E-Mail/).fill(user.email);
  await page.getByLabel('Passwort').fill(user.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Speisekarte' })).toBeVisible();
  await expect.poll(languageOf).toBe('de');

  await page.goto('/profile');
  await expect(page.getByText('ebenso die E-Mails, die Canteen Ihnen schickt')).toBeVisible();
  await page.getByRole('combobox', { name: 'Sprache' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Preferences' })).toBeVisible();
  await expect.poll(languageOf).toBe('en');
});
