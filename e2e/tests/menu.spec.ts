import { type Page, expect, test } from '@playwright/test';
import { createUser, settle, signIn, signInAs } from './fixtures';

const dishes = (page: Page) => page.getByRole('region', { name: 'Dishes' }).getByRole('heading', { level: 3 });
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search dishes' });
const dishCount = (page: Page) => page.getByRole('region', { name: 'Dishes' }).getByText(/\d+ (of \d+ )?dish/);
/** How many dishes the whole menu has now (other tests may have added some): the All tab's count. */
const menuTotal = async (page: Page): Promise<number> => {
  const tab = page.getByRole('tab', { name: /^All \d+/ });
  await expect(tab).toBeVisible();
  return Number((await tab.textContent())?.match(/\d+/)?.[0]);
};

test('search finds dishes inside words, without accents and despite a typo, best match first', async ({ page }) => {
  await signIn(page, 'employee');
  for (const text of ['spätzle', 'spatzle', 'kase', 'Käse']) {
    await searchBox(page).fill(text);
    await expect(dishes(page).first()).toHaveText('Käsespätzle with Crispy Onions');
  }
  await searchBox(page).fill('lasagna');
  await expect(dishes(page)).toHaveText(['Beef Lasagne al Forno']);
  await searchBox(page).fill('zzzqx');
  await expect(page.getByText('No dishes match')).toBeVisible();
});

test('the till finds dishes the same way', async ({ page }) => {
  await signIn(page, 'manager');
  await page.goto('/till');
  const picker = page.getByRole('list', { name: 'Dishes' });
  await page.getByRole('searchbox', { name: 'Search dishes' }).fill('spatzle');
  await expect(picker.getByText('Käsespätzle with Crispy Onions')).toBeVisible();
});

test('category, search, filters and sort live in the address: Back and a shared link keep them', async ({ page }) => {
  await signIn(page, 'employee');
  await expect(dishCount(page)).toHaveText(`24 of ${await menuTotal(page)} dishes`);
  await page.getByRole('tab', { name: /^Mains/ }).click();
  await expect(page).toHaveURL(/category=/);
  await page.getByRole('button', { name: 'Vegetarian' }).click();
  await expect(page).toHaveURL(/diet=/);
  await page.getByRole('combobox', { name: 'Sort dishes' }).click();
  await page.getByRole('option', { name: 'Price: low to high' }).click();
  await expect(page).toHaveURL(/sort=price_asc/);
  await settle(page);
  const unsearched = await dishes(page).allTextContents();
  await searchBox(page).fill('curry');
  await expect(page).toHaveURL(/q=curry/);
  // The address changes before the list does: wait for the searched list, not for the URL, before reading it.
  await expect(dishes(page)).not.toHaveText(unsearched);
  await settle(page);
  const filtered = await dishes(page).allTextContents();
  expect(filtered.length).toBeGreaterThan(0);
  const link = page.url();

  // Back undoes the last choice (the search), not the whole page.
  await page.goBack();
  await expect(page).not.toHaveURL(/q=curry/);
  await expect(page).toHaveURL(/sort=price_asc/);
  await expect(searchBox(page)).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Vegetarian' })).toHaveAttribute('aria-pressed', 'true');

  // A shared link opens the same dishes, tab, chip, sort and search.
  await page.goto(link);
  await expect(page.getByRole('tab', { name: /^Mains/ })).toHaveAttribute('aria-selected', 'true');
  await expect(searchBox(page)).toHaveValue('curry');
  await expect(page.getByRole('combobox', { name: 'Sort dishes' })).toContainText('Price: low to high');
  await expect(dishes(page)).toHaveText(filtered);
});

test('tab counts follow the filters', async ({ page }) => {
  await signIn(page, 'employee');
  const allTab = page.getByRole('tab', { name: /^All/ });
  const total = await menuTotal(page);
  expect(total).toBeGreaterThanOrEqual(80);
  await page.getByRole('button', { name: 'Vegan' }).click();
  await expect(allTab).not.toContainText(String(total));
  const veganTotal = Number((await allTab.textContent())?.match(/\d+/)?.[0]);
  expect(veganTotal).toBeGreaterThan(0);
  await expect(dishCount(page)).toHaveText(veganTotal > 24 ? `24 of ${veganTotal} dishes` : `${veganTotal} dishes`);
  // The counts of the categories add up to the whole.
  const tabs = await page.getByRole('tab').allTextContents();
  const sum = tabs.slice(1).reduce((total, text) => total + Number(text.match(/\d+/)?.[0] ?? 0), 0);
  expect(sum).toBe(veganTotal);
});

test('"Add another" says why it stops at the most one order may have', async ({ page }) => {
  await signIn(page, 'employee');
  await searchBox(page).fill('Still Mineral Water');
  const card = page.getByRole('article', { name: 'Still Mineral Water 0.5 l' });
  await card.getByRole('button', { name: /Add to cart/ }).click();
  const another = card.getByRole('button', { name: /Add another/ });
  for (let i = 1; i < 20; i++) await another.click();
  await expect(another).toBeDisabled();
  await expect(card.getByText('20 is the most per order')).toBeVisible();
  await expect(another).toHaveAccessibleDescription('20 is the most per order');
});

test('when the menu cannot load, one banner says so and "Try again" brings it back', async ({ page }) => {
  await signIn(page, 'employee');
  await page.route('**/trpc/category.list**', (route) => route.abort('connectionrefused'));
  await page.route('**/trpc/product.list**', (route) => route.abort('connectionrefused'));
  await page.reload();
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(page.getByRole('alert')).toContainText(/connect|reach|network/i);
  await page.unrouteAll();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(dishCount(page)).toHaveText(`24 of ${await menuTotal(page)} dishes`);
});

test('a favourite dish is pinned above the menu, stays after a reload, and unpins', async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await signInAs(page, user.email, user.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Menu' })).toBeVisible();
  const favourites = page.getByRole('region', { name: 'Your favourites' });
  await expect(favourites).toHaveCount(0);
  await page.getByLabel('Search dishes').fill('Mango Lassi');
  const heart = page.getByRole('button', { name: 'Favourite: Mango Lassi' });
  await heart.click();
  await expect(heart).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(favourites.getByRole('article', { name: 'Mango Lassi' })).toBeVisible();
  await page.reload();
  await expect(favourites.getByRole('article', { name: 'Mango Lassi' })).toBeVisible();
  // From the pinned card it goes to the cart like any other, and unpins there too.
  await favourites.getByRole('button', { name: 'Add to cart: Mango Lassi' }).click();
  await expect(page.getByRole('link', { name: 'Cart, 1 item' })).toBeVisible();
  await favourites.getByRole('button', { name: 'Favourite: Mango Lassi' }).click();
  await expect(favourites).toHaveCount(0);
});
