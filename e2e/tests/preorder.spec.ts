import { AxeBuilder } from '@axe-core/playwright';
import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import { addDays, dayIn, isoWeekday } from '../../packages/shared/src/calendar';
import {
  DEMO,
  DEMO_PASSWORD,
  apiClient,
  apiLogin,
  createUser,
  creditWallet,
  placeOrder,
  signInAs,
  uniqueSuffix,
} from './fixtures';

/** The last eight hex digits of an order id, as people read it ("#1A2B3C4D"). */
const numberOf = (orderId: string) => orderId.replace(/-/g, '').slice(-8).toUpperCase();

/** What axe finds serious or critical on the page, as the a11y spec counts it. */
const seriousViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, targets: violation.nodes.map((node) => node.target.join(' ')) }));
};

/** A calendar day as the page words it, in the page's own language (the app follows the browser's). */
const dayAsShown = async (page: Page, day: string, style: 'short' | 'long'): Promise<string> =>
  page.evaluate(
    ([date, length]) =>
      new Intl.DateTimeFormat(navigator.language, {
        weekday: length,
        day: 'numeric',
        month: length,
        timeZone: 'UTC',
      }).format(new Date(`${date}T00:00:00Z`)),
    [day, style] as const,
  );

/**
 * Tomorrow (the canteen's day) with pickup times every 15 minutes from 11:30 (other tests may book them too: plenty
 * of room), and a daily dish of the test's own, the chef's choice on tomorrow's published plan only.
 */
const planTomorrow = async (request: APIRequestContext): Promise<{ tomorrow: string; name: string; dishId: string }> => {
  const admin = apiClient(request, await apiLogin(request, DEMO.admin.email));
  const { timeZone } = await admin.config.get.query();
  const tomorrow = addDays(dayIn(new Date(), timeZone), 1);
  await admin.slot.setDay.mutate({
    weekday: isoWeekday(tomorrow),
    window: { from: '11:30', to: '14:00', everyMinutes: 15, capacity: 1_000 },
  });
  const manager = apiClient(request, await apiLogin(request, DEMO.manager.email));
  const categories = await manager.category.list.query();
  const mains = categories.find((category) => category.name === 'Mains') ?? categories[0];
  if (!mains) throw new Error('No category to put the dish in');
  const name = `Zucchini Risotto ${uniqueSuffix()}`;
  const dish = await manager.product.create.mutate({
    name,
    description: 'Lemon, parmesan and the first zucchini of the day.',
    priceCents: 690,
    categoryId: mains.id,
    allergens: ['milk'],
    dietaryTags: ['vegetarian'],
    isScheduled: true,
  });
  await manager.plan.setDish.mutate({ day: tomorrow, productId: dish.id, plannedQuantity: 40, isChefsChoice: true });
  await manager.plan.publish.mutate({ day: tomorrow, isPublished: true });
  return { tomorrow, name, dishId: dish.id };
};

/** A new employee with money for lunch. */
const hungryEmployee = async (request: APIRequestContext) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await creditWallet(request, user.id, { payer: 'Company subsidy', amountCents: 3_000 });
  return user;
};

/** Signs `user` in, puts the dish `name` of `day` in the cart and opens it: the cart's pickup times. */
const cartWith = async (page: Page, user: { email: string; password: string }, { day, name }: { day: string; name: string }) => {
  await signInAs(page, user.email, user.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Menu' })).toBeVisible();
  await page.goto(`/menu?day=${day}`);
  await page
    .getByRole('button', { name: `Add to cart: ${name}` })
    .first()
    .click();
  await page.getByRole('link', { name: 'Cart, 1 item' }).click();
  return page.getByRole('radiogroup', { name: 'Pickup time' });
};

test('an employee pre-orders a daily dish for tomorrow at a pickup time of their choice, then changes the time', async ({
  page,
  request,
}) => {
  const { tomorrow, name } = await planTomorrow(request);
  const user = await hungryEmployee(request);
  await signInAs(page, user.email, user.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Menu' })).toBeVisible();

  // Today's menu does not serve it; tomorrow's does, as the chef's choice with what the plan has left.
  const days = page.getByRole('radiogroup', { name: 'Day to order for' });
  await expect(days.getByRole('radio', { name: /^Today/ })).toBeChecked();
  await page.getByLabel('Search dishes').fill(name);
  await expect(page.getByText('No dishes match')).toBeVisible();
  await days.getByRole('radio', { name: /^Tomorrow/ }).click();
  await expect(page).toHaveURL(new RegExp(`day=${tomorrow}`));
  await expect(days.getByRole('radio', { name: /^Tomorrow/ })).toBeChecked();
  const card = page.getByRole('article', { name });
  await expect(card.getByRole('list', { name: 'Highlights' })).toHaveText("Chef's choice");
  await expect(card).toContainText('40 left');
  await card.getByRole('button', { name: `Add to cart: ${name}` }).click();
  await expect(card).toContainText('1 in your cart');

  // The cart is for tomorrow: its pickup times, the first free one chosen; this person takes a later one.
  await page.getByRole('link', { name: 'Cart, 1 item' }).click();
  await expect(page.getByTestId('pickup-day')).toHaveText(await dayAsShown(page, tomorrow, 'long'));
  await expect(page.getByRole('radiogroup', { name: 'Pickup day' }).getByRole('radio', { name: /^Tomorrow/ })).toBeChecked();
  const times = page.getByRole('radiogroup', { name: 'Pickup time' });
  await expect(times.getByRole('radio', { name: /^11:30 · \d+ left$/ })).toBeChecked();
  await times.getByRole('radio', { name: /^12:15/ }).click();
  await expect(times.getByRole('radio', { name: /^12:15/ })).toBeChecked();
  await expect(page.getByTestId('pickup-cutoff')).toHaveText(/^You can change or cancel until \d\d:\d\d on /);

  await page.getByRole('button', { name: /^Place order/ }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=true$/);
  const shortDay = await dayAsShown(page, tomorrow, 'short');
  await expect(page.getByTestId('order-pickup')).toHaveText(`Pickup: ${shortDay}, 12:15`);
  await expect(page.getByRole('article', { name: /^Order #/ }).getByRole('table', { name: 'Items' })).toContainText(name);

  // Until the cut-off the time can change: to 12:45.
  await page.getByRole('button', { name: 'Change time' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change the pickup time' });
  await expect(dialog.getByRole('radio', { name: /^12:15 · Your time$/ })).toBeChecked();
  await dialog.getByRole('radio', { name: /^12:45/ }).click();
  await dialog.getByRole('button', { name: 'Change time' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('order-pickup')).toHaveText(`Pickup: ${shortDay}, 12:45`);
  await expect(page.getByRole('button', { name: 'Cancel order' })).toBeVisible();

  // The orders list says it is a pre-order, and for when.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('table', { name: 'Your orders' })).toContainText(`Pre-order for ${shortDay}, 12:45`);
});

test("the kitchen display shows today's orders, grouped by pickup time, and not a pre-order for tomorrow", async ({
  browser,
  request,
}) => {
  const { tomorrow, dishId } = await planTomorrow(request);
  const user = await hungryEmployee(request);
  const token = await apiLogin(request, user.email, user.password);
  const api = apiClient(request, token);
  const [, second] = (await api.slot.day.query({ day: tomorrow })).slots;
  if (!second) throw new Error('Tomorrow has no pickup times');
  const preOrder = await api.order.place.mutate({
    items: [{ productId: dishId, quantity: 1 }],
    pickupDay: tomorrow,
    slotId: second.id,
    idempotencyKey: `test-${uniqueSuffix()}`,
  });
  expect(preOrder.pickupDay).toBe(tomorrow);
  expect(preOrder.pickupSlot?.startsAt).toBe(second.startsAt);
  const today = await api.order.byId.query({
    id: (await placeOrder(request, token, [{ productName: 'Cappuccino', quantity: 1 }])).id,
  });
  const kitchenContext = await browser.newContext();
  const kitchen = await kitchenContext.newPage();
  await signInAs(kitchen, DEMO.kitchen.email, DEMO_PASSWORD);
  await expect(kitchen).toHaveURL(/\/kitchen$/);
  await expect(kitchen.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  const newColumn = kitchen.getByRole('region', { name: /^New/ });
  const todays = newColumn.getByRole('article', { name: `Order ${numberOf(today.id)} for ${user.name}` });
  await expect(todays).toBeVisible();
  // Under its pickup time (the earliest free one today), or "As soon as possible" when today has none left.
  const group = newColumn.getByRole('group', { name: new RegExp(`^${today.pickupSlot?.startsAt ?? 'As soon as possible'}`) });
  await expect(group.getByRole('article', { name: new RegExp(numberOf(today.id)) })).toBeVisible();
  await expect(kitchen.getByRole('article', { name: `Order ${numberOf(preOrder.id)} for ${user.name}` })).toHaveCount(0);
  await kitchenContext.close();
});

test("tomorrow's menu, the pickup times at checkout and the change-time dialog have no serious or critical axe violations", async ({
  page,
  request,
}) => {
  const { tomorrow, name } = await planTomorrow(request);
  const user = await hungryEmployee(request);
  await signInAs(page, user.email, user.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Menu' })).toBeVisible();
  await page.goto(`/menu?day=${tomorrow}`);
  const pinned = page.getByRole('region', { name: /^Daily dishes on / });
  await expect(pinned.getByRole('article', { name })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await pinned.getByRole('button', { name: `Add to cart: ${name}` }).click();
  await page.getByRole('link', { name: 'Cart, 1 item' }).click();
  await expect(page.getByRole('radiogroup', { name: 'Pickup time' }).getByRole('radio', { checked: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: /^Place order/ }).click();
  await page.getByRole('button', { name: 'Change time' }).click();
  await expect(page.getByRole('dialog', { name: 'Change the pickup time' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a pickup time that fills up while the person checks out: they are told, and the next free time is chosen', async ({
  page,
  request,
}) => {
  const { tomorrow, name } = await planTomorrow(request);
  const user = await hungryEmployee(request);
  const slots = (await apiClient(request, await apiLogin(request, user.email, user.password)).slot.day.query({ day: tomorrow }))
    .slots;
  const [full, , , next] = slots;
  if (!full || !next) throw new Error('Tomorrow has too few pickup times');
  const times = await cartWith(page, user, { day: tomorrow, name });
  await expect(times.getByRole('radio', { name: new RegExp(`^${full.startsAt}`) })).toBeChecked();

  // Someone else takes the last place of the first slot just before this order arrives: the API refuses it and
  // names the free ones (here, as if only the fourth were left).
  let isFirstTry = true;
  await page.route(/\/trpc\/[^?]*order\.place/, async (route) => {
    if (!isFirstTry) return route.continue();
    isFirstTry = false;
    await route.fulfill({
      status: 412,
      json: [
        {
          error: {
            message: `That pickup time is full. Still free: ${next.startsAt}`,
            code: -32012,
            data: {
              code: 'PRECONDITION_FAILED',
              httpStatus: 412,
              path: 'order.place',
              reason: 'SLOT_FULL',
              details: { nextSlots: [next] },
              zodError: null,
              requestId: null,
            },
          },
        },
      ],
    });
  });
  await page.getByRole('button', { name: /^Place order/ }).click();
  await expect(page.getByRole('alert')).toHaveText(
    `That slot just filled up. The next free time, ${next.startsAt}, is now selected: place the order again to take it.`,
  );
  await expect(times.getByRole('radio', { name: new RegExp(`^${next.startsAt}`) })).toBeChecked();
  await expect(page).toHaveURL(/\/cart$/);

  await page.getByRole('button', { name: /^Place order/ }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=true$/);
  await expect(page.getByTestId('order-pickup')).toHaveText(
    `Pickup: ${await dayAsShown(page, tomorrow, 'short')}, ${next.startsAt}`,
  );
});

test('the pickup times at checkout follow other people’s orders as they come, without a reload', async ({ page, request }) => {
  const { tomorrow, name, dishId } = await planTomorrow(request);
  const user = await hungryEmployee(request);
  const other = await hungryEmployee(request);
  const otherApi = apiClient(request, await apiLogin(request, other.email, other.password));
  const slot = (await otherApi.slot.day.query({ day: tomorrow })).slots.find((candidate) => candidate.startsAt === '13:00');
  if (!slot) throw new Error('Tomorrow has no 13:00 pickup time');

  const times = await cartWith(page, user, { day: tomorrow, name });
  await expect(times.getByRole('radio', { name: `13:00 · ${slot.left} left` })).toBeVisible();

  // A colleague books 13:00 elsewhere: this open cart shows one place fewer, then one more once they cancel.
  const order = await otherApi.order.place.mutate({
    items: [{ productId: dishId, quantity: 1 }],
    idempotencyKey: `live-slot-${uniqueSuffix()}`,
    pickupDay: tomorrow,
    slotId: slot.id,
  });
  await expect(times.getByRole('radio', { name: `13:00 · ${slot.left - 1} left` })).toBeVisible();
  await otherApi.order.cancel.mutate({ orderId: order.id });
  await expect(times.getByRole('radio', { name: `13:00 · ${slot.left} left` })).toBeVisible();
});
