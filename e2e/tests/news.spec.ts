import { expect, test } from '@playwright/test';
import { apiLogin, createUser, creditWallet, mainNav, placeOrder, signIn, signInAs, signOut, uniqueSuffix } from './fixtures';

test('an employee reads a Daily menu post with its table and view count', async ({ page }) => {
  await signIn(page, 'employee');
  await mainNav(page).getByRole('link', { name: 'News' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'News' })).toBeVisible();
  await expect(page).toHaveTitle('News · Canteen');

  await page.getByRole('tab', { name: 'Daily menu' }).click();
  const posts = page.getByRole('list', { name: 'Posts' });
  await expect(posts.getByRole('article')).toHaveCount(2);
  // Drafts never reach employees.
  await page.getByRole('tab', { name: 'Sustainability' }).click();
  await expect(posts.getByRole('article')).toHaveCount(1);
  await expect(posts).not.toContainText('Draft');
  await page.getByRole('tab', { name: 'Daily menu' }).click();

  await posts.getByRole('link', { name: 'This week: Indian street food' }).click();
  await expect(page).toHaveURL(/\/news\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'This week: Indian street food' })).toBeVisible();
  const post = page.getByRole('article', { name: 'This week: Indian street food' });
  await expect(post.getByRole('heading', { name: 'Indian street food week' })).toBeVisible();
  const table = post.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Day', 'Dish']);
  await expect(table.getByRole('row', { name: /Tuesday/ })).toContainText('Chana masala (vegan)');
  await expect(page.getByTestId('post-views')).toHaveText(/\d+ views?$/);
});

test('an employee rates a dish from the receipt and the stars show on the menu', async ({ page, request }) => {
  const user = await createUser(request);
  await creditWallet(request, user.id, { payer: 'Company subsidy', amountCents: 3_000 });
  const token = await apiLogin(request, user.email, user.password);
  const order = await placeOrder(request, token, [
    { productName: 'Red Lentil Dal Soup', quantity: 1 },
    { productName: 'Miso Soup with Tofu and Wakame', quantity: 1 },
  ]);

  await signInAs(page, user.email, user.password);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await mainNav(page).getByRole('link', { name: 'Orders' }).click();
  await page.getByRole('table', { name: 'Your orders' }).getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}$`));
  // Straight after ordering the receipt does not ask yet; after the meal it does.
  await expect(page.getByText('After your meal, come back to this receipt to rate what you ate.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Rate your lunch' })).toHaveCount(0);
  await page.clock.setFixedTime(Date.now() + 25 * 60_000);
  await page.reload();
  const rating = page.getByRole('region', { name: 'Rate your lunch' });
  await expect(rating).toBeVisible();

  // A comment with words we do not publish is refused in plain words, and nothing is saved.
  const miso = rating.getByRole('form', { name: 'Miso Soup with Tofu and Wakame' });
  await miso.getByRole('radio', { name: '2 stars' }).click();
  await miso.getByLabel('Comment on Miso Soup with Tofu and Wakame (optional)').fill('This soup is shit');
  await miso.getByRole('button', { name: 'Send rating' }).click();
  await expect(miso).toContainText('Please keep it friendly: your comment contains words we do not publish.');

  const dal = rating.getByRole('form', { name: 'Red Lentil Dal Soup' });
  const comment = `Warming and well spiced ${uniqueSuffix()}`;
  await dal.getByRole('radio', { name: '4 stars' }).click();
  await expect(dal.getByRole('radio', { name: '4 stars' })).toBeChecked();
  await dal.getByLabel('Comment on Red Lentil Dal Soup (optional)').fill(comment);
  await dal.getByRole('button', { name: 'Send rating' }).click();
  await expect(rating.getByRole('status')).toHaveText('Thanks! You gave Red Lentil Dal Soup 4 stars.');

  await mainNav(page).getByRole('link', { name: 'Menu' }).click();
  await page.getByLabel('Search dishes').fill('Red Lentil Dal');
  const card = page.getByRole('article', { name: 'Red Lentil Dal Soup' });
  const stars = card.getByRole('button', { name: /^Reviews of Red Lentil Dal Soup/ });
  await expect(stars).toHaveText('4.0 (1)');
  await stars.click();
  const dialog = page.getByRole('dialog', { name: 'Reviews of Red Lentil Dal Soup' });
  await expect(dialog.getByRole('list', { name: 'Reviews' })).toContainText(comment);
  await expect(dialog.getByRole('img', { name: '4 out of 5 stars' })).toBeVisible();
  // The refused comment left no rating on the other dish.
  await page.keyboard.press('Escape');
  await page.getByLabel('Search dishes').fill('Miso Soup');
  await expect(page.getByRole('article', { name: 'Miso Soup with Tofu and Wakame' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Miso Soup with Tofu and Wakame' }).getByTestId('product-rating')).toHaveCount(
    0,
  );
});

test('a manager writes a post with a live preview and publishes it for employees', async ({ page }) => {
  const title = `Pancake Tuesday ${uniqueSuffix()}`;
  await signIn(page, 'manager');
  await mainNav(page).getByRole('link', { name: 'News' }).click();
  await page.getByRole('link', { name: 'New post' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New post' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Channel' }).click();
  await page.getByRole('option', { name: 'Daily menu' }).click();
  await page.getByLabel('Title (optional)').fill(title);
  await page.getByLabel('Text').fill('## Pancakes\n\n- **Maple** syrup\n- Lemon and sugar');
  const preview = page.getByTestId('post-preview');
  await expect(preview.getByRole('heading', { name: 'Pancakes' })).toBeVisible();
  await expect(preview.getByRole('listitem')).toHaveText(['Maple syrup', 'Lemon and sugar']);
  await expect(preview.locator('strong')).toHaveText('Maple');

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  await signOut(page);
  await signIn(page, 'employee');
  await mainNav(page).getByRole('link', { name: 'News' }).click();
  await page.getByRole('list', { name: 'Posts' }).getByRole('link', { name: title }).click();
  await expect(page.getByRole('article', { name: title }).getByRole('listitem')).toHaveText(['Maple syrup', 'Lemon and sugar']);
});

test('a manager hides a review from the moderation queue and finds it under Hidden', async ({ page, request }) => {
  const user = await createUser(request);
  await creditWallet(request, user.id, { payer: 'Company subsidy', amountCents: 3_000 });
  const token = await apiLogin(request, user.email, user.password);
  await placeOrder(request, token, [{ productName: 'Tom Kha Gai', quantity: 1 }]);
  const comment = `Fragrant ${uniqueSuffix()}`;
  const created = await request.post('/trpc/review.create', {
    data: { productId: await productId(request, token, 'Tom Kha Gai'), rating: 5, comment },
    headers: { authorization: `Bearer ${token}` },
  });
  expect(created.ok()).toBe(true);

  await signIn(page, 'manager');
  await mainNav(page).getByRole('link', { name: 'Reviews' }).click();
  const table = page.getByRole('table', { name: 'Reviews' });
  const row = table.getByRole('row', { name: new RegExp(comment) });
  await expect(row).toContainText('Tom Kha Gai');
  await row.getByRole('button', { name: /^Hide / }).click();
  await expect(row.getByRole('button', { name: /^Unhide / })).toBeVisible();
  await expect(row).toContainText('Hidden');

  await page.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: 'Hidden' }).click();
  await expect(table.getByRole('row', { name: new RegExp(comment) })).toBeVisible();
});

const productId = async (request: Parameters<typeof apiLogin>[0], token: string, name: string): Promise<string> => {
  const input = encodeURIComponent(JSON.stringify({ limit: 5, search: name }));
  const response = await request.get(`/trpc/product.list?input=${input}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { result: { data: { items: { id: string; name: string }[] } } };
  const product = body.result.data.items.find((item) => item.name === name);
  if (!product) throw new Error(`No dish named ${name}`);
  return product.id;
};

test('an employee follows a channel and the bell tells them of its next post', async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await signInAs(page, user.email, user.password);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await mainNav(page).getByRole('link', { name: 'News' }).click();
  await page.getByRole('tab', { name: 'Daily menu' }).click();
  const follow = page.getByRole('button', { name: 'Follow' });
  await follow.click();
  await expect(page.getByRole('button', { name: 'Following' })).toHaveAttribute('aria-pressed', 'true');

  // The manager posts; the employee's bell counts it without a reload and leads to the post.
  const managerToken = await apiLogin(request, 'manager@canteen.test');
  const blogs = await request.get(`/trpc/blog.list?input=${encodeURIComponent(JSON.stringify({ limit: 50 }))}`, {
    headers: { authorization: `Bearer ${managerToken}` },
  });
  const daily = ((await blogs.json()) as { result: { data: { items: { id: string; name: string }[] } } }).result.data.items.find(
    (blog) => blog.name === 'Daily menu',
  )!;
  const title = `Curry Thursday ${uniqueSuffix()}`;
  const created = await request.post('/trpc/post.create', {
    headers: { authorization: `Bearer ${managerToken}`, 'content-type': 'application/json' },
    data: { blogId: daily.id, title, content: 'Three curries today.' },
  });
  expect(created.ok()).toBe(true);
  await page.getByRole('button', { name: 'Notifications, 1 unread' }).click();
  await page.getByRole('link', { name: new RegExp(`New in Daily menu.*${title}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
});
