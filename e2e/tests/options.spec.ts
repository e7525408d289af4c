import { expect, test } from '@playwright/test';
import { addDays, dayIn, isoWeekday } from '../../packages/shared/src/calendar';
import {
  DEMO,
  apiClient,
  apiLogin,
  createDailyDish,
  createUser,
  creditWallet,
  planDish,
  publishPlanWeek,
  signIn,
  signInAs,
  signOut,
  uniqueSuffix,
} from './fixtures';

/*
 * Issue 15, options and notes, end to end: a daily dish with a required side and extras is planned for tomorrow;
 * an employee chooses the options (the price follows), leaves a note, picks a pickup time and pays; the receipt,
 * and the kitchen's production sheet for tomorrow, show what to cook.
 */
test('an employee pre-orders tomorrow’s dish with options and a note for a slot, and the production sheet shows it', async ({
  page,
  request,
}) => {
  const admin = apiClient(request, await apiLogin(request, DEMO.admin.email));
  const { timeZone } = await admin.config.get.query();
  const tomorrow = addDays(dayIn(new Date(), timeZone), 1);
  // Tomorrow's pickup times, as the pre-order spec sets them (plenty of room for every test of the run).
  await admin.slot.setDay.mutate({
    weekday: isoWeekday(tomorrow),
    window: { from: '11:30', to: '14:00', everyMinutes: 15, capacity: 1_000 },
  });
  const name = `Schnitzel Bowl ${uniqueSuffix()}`;
  const dish = await createDailyDish(request, name, {
    priceCents: 800,
    allergens: ['gluten'],
    dietaryTags: [],
    optionGroups: [
      {
        name: 'Side',
        minChoices: 1,
        maxChoices: 1,
        options: [
          { name: 'Fries', priceDeltaCents: 0, allergens: [], isArchived: false },
          { name: 'Potato salad', priceDeltaCents: 50, allergens: ['eggs', 'mustard'], isArchived: false },
        ],
      },
      {
        name: 'Extras',
        minChoices: 0,
        maxChoices: 2,
        options: [
          { name: 'Cranberries', priceDeltaCents: 40, allergens: [], isArchived: false },
          { name: 'Fried egg', priceDeltaCents: 90, allergens: ['eggs'], isArchived: false },
          { name: 'Lemon', priceDeltaCents: 0, allergens: [], isArchived: false },
        ],
      },
    ],
  });
  await planDish(request, { day: tomorrow, productId: dish.id, plannedQuantity: 30 });
  await publishPlanWeek(request, tomorrow);
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await creditWallet(request, user.id, { payer: 'Company subsidy', amountCents: 3_000 });

  await signInAs(page, user.email, user.password);
  await page
    .getByRole('radiogroup', { name: 'Day to order for' })
    .getByRole('radio', { name: /^Tomorrow/ })
    .click();
  await page.getByLabel('Search dishes').fill(name);
  const card = page.getByRole('article', { name });
  await expect(card).toContainText('Your choice of: Side, Extras');
  await card.getByRole('button', { name: `Add to cart: ${name}` }).click();

  // The dialog: the side is required, extras at most two; the price follows the choice.
  const dialog = page.getByRole('dialog', { name: `${name}: your choice` });
  const add = dialog.getByRole('button', { name: /^Add to cart · / });
  await expect(add).toHaveText('Add to cart · €8.00');
  await add.click();
  await expect(dialog.getByRole('alert')).toHaveText('Choose the options for Side first.');
  await dialog
    .getByRole('radiogroup', { name: 'Side' })
    .getByRole('radio', { name: /Potato salad/ })
    .click();
  const extras = dialog.getByRole('group', { name: /Extras/ });
  await extras.getByRole('checkbox', { name: /Cranberries/ }).click();
  await extras.getByRole('checkbox', { name: /Fried egg/ }).click();
  // Two extras is the most: the third cannot be ticked.
  await expect(extras.getByRole('checkbox', { name: /Lemon/ })).toBeDisabled();
  await expect(dialog).toContainText('Contains: Gluten, Eggs, Mustard');
  await dialog.getByLabel('Note for the kitchen (optional)').fill('Sauce on the side, please');
  await dialog.getByRole('button', { name: /^One more/ }).click();
  // (8.00 + 0.50 + 0.40 + 0.90) × 2
  await expect(add).toHaveText('Add to cart · €19.60');
  await add.click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText('2 in your cart');

  // The cart: the line with its options and note, the price with them; a later pickup time.
  await page.getByRole('link', { name: 'Cart, 2 items' }).click();
  await expect(page.getByTestId('cart-line-options')).toHaveText('Side: Potato salad · Extras: Cranberries · Extras: Fried egg');
  await expect(page.getByText('“Sauce on the side, please”')).toBeVisible();
  await expect(page.getByTestId('cart-subtotal')).toHaveText('€19.60');
  await page
    .getByRole('radiogroup', { name: 'Pickup time' })
    .getByRole('radio', { name: /^12:30/ })
    .click();
  await page.getByRole('button', { name: /^Place order/ }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=true$/);
  const receipt = page.getByRole('article', { name: /^Order #/ });
  await expect(receipt.getByTestId('receipt-line-options')).toHaveText(
    'Side: Potato salad (+€0.50) · Extras: Cranberries (+€0.40) · Extras: Fried egg (+€0.90)',
  );
  await expect(receipt).toContainText('“Sauce on the side, please”');
  await expect(receipt.getByTestId('order-total')).toHaveText('€19.60');

  // The kitchen's production sheet for tomorrow: the dish, its options and pickup time, and the note.
  await signOut(page);
  await signIn(page, 'kitchen');
  await page.goto(`/kitchen/sheet?day=${tomorrow}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Production sheet' })).toBeVisible();
  const sheet = page.getByRole('region', { name });
  await expect(sheet.getByRole('region', { name: 'By option' })).toContainText('Side: Potato salad× 2');
  await expect(sheet.getByRole('region', { name: 'By option' })).toContainText('Extras: Fried egg× 2');
  await expect(sheet.getByRole('region', { name: 'By pickup time' })).toContainText('12:30× 2');
  await expect(page.getByRole('region', { name: 'Notes for the kitchen' })).toContainText('Sauce on the side, please');
});
