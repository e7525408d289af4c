import { expect, test } from '@playwright/test';
import {
  DEMO,
  apiLogin,
  createDailyDish,
  createUser,
  creditWallet,
  dayFromToday,
  mainNav,
  planDish,
  planWeek,
  preOrder,
  publishPlanWeek,
  signIn,
  slotWeek,
  uniqueSuffix,
} from './fixtures';

test('a manager plans a daily dish for next week and publishes it; people then see it', async ({ page, request }) => {
  const dish = await createDailyDish(request);
  const managerToken = await apiLogin(request, DEMO.manager.email);
  const { weekStart, days } = await planWeek(request, managerToken, dayFromToday(7));
  // The demo plans and publishes the weekdays ahead: Saturday is still free.
  const saturday = days[5]?.day ?? '';

  await signIn(page, 'manager');
  await mainNav(page).getByRole('link', { name: 'Menu plan' }).click();
  await expect(page.getByRole('heading', { name: 'Menu plan', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('Menu plan · Canteen');
  await page.getByRole('navigation', { name: 'Choose a week' }).getByRole('button', { name: 'Next week' }).click();
  await expect(page).toHaveURL(new RegExp(`/plan\\?week=${weekStart}$`));

  const day = page.getByRole('region', { name: /^Saturday/ });
  await expect(day).toContainText('Nothing planned');
  await day.getByRole('button', { name: /^Add dish to Saturday/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Add a dish to Saturday/ });
  await dialog.getByRole('button', { name: 'Add dish' }).click();
  await expect(dialog.getByText('Choose a dish', { exact: true })).toBeVisible();
  await dialog.getByLabel('Dish', { exact: true }).click();
  await page.getByRole('option', { name: dish.name }).click();
  await dialog.getByLabel('Planned quantity').fill('lots');
  await dialog.getByRole('button', { name: 'Add dish' }).click();
  await expect(dialog.getByText('Enter a whole number from 0 to 100,000, or leave it empty')).toBeVisible();
  await dialog.getByLabel('Planned quantity').fill('40');
  await dialog.getByRole('switch', { name: 'New', exact: true }).click();
  await dialog.getByRole('button', { name: 'Add dish' }).click();
  await expect(dialog).toBeHidden();

  const item = day.getByRole('listitem').filter({ hasText: dish.name });
  await expect(item).toContainText('40 planned · 0 sold');
  await expect(item).toContainText('New');
  await expect(item).not.toContainText("Chef's choice");
  await expect(day).toContainText('Draft');
  await expect(page.getByTestId('plan-week-status')).toContainText(/draft/i);

  // Changing it: the dialog starts from what is planned.
  await item.getByRole('button', { name: `Edit ${dish.name} on Saturday` }).click();
  const edit = page.getByRole('dialog', { name: `${dish.name} on Saturday` });
  await expect(edit.getByLabel('Planned quantity')).toHaveValue('40');
  await expect(edit.getByRole('switch', { name: 'New', exact: true })).toBeChecked();
  await edit.getByLabel('Planned quantity').fill('45');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(item).toContainText('45 planned · 0 sold');

  // Before publishing, people see nothing of that day.
  const employeeToken = await apiLogin(request, DEMO.employee.email);
  const draft = await planWeek(request, employeeToken, saturday);
  expect(draft.days.find((planDay) => planDay.day === saturday)?.dishes).toEqual([]);

  await page.getByRole('button', { name: 'Publish week', exact: true }).click();
  await expect(day).toContainText('Published');
  await expect(page.getByTestId('plan-week-status')).toHaveText('Published: people see this week on the menu.');
  await expect(page.getByRole('button', { name: 'Publish week', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Unpublish week' })).toBeVisible();

  const published = await planWeek(request, employeeToken, saturday);
  const planned = published.days.find((planDay) => planDay.day === saturday);
  expect(planned?.publishedAt).not.toBeNull();
  expect(planned?.dishes).toEqual([
    expect.objectContaining({
      productId: dish.id,
      name: dish.name,
      plannedQuantity: 45,
      sold: 0,
      isNew: true,
      isChefsChoice: false,
    }),
  ]);
});

test('a daily dish from the product form is planned, copied into the next week and taken off again', async ({ page }) => {
  const name = `Mushroom Risotto ${uniqueSuffix()}`;
  await signIn(page, 'manager');
  await mainNav(page).getByRole('link', { name: 'Products' }).click();
  await page.getByRole('button', { name: 'New dish' }).click();
  const form = page.getByRole('dialog', { name: 'New dish' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Price (€)').fill('7.20');
  await form.getByLabel('Category').click();
  await page.getByRole('option', { name: 'Snacks' }).click();
  await form.getByRole('switch', { name: 'Daily dish' }).click();
  await form.getByRole('button', { name: 'Add dish' }).click();
  await expect(form).toBeHidden();
  await page.getByLabel('Search products').fill(name);
  await expect(page.getByRole('table', { name: 'Products' }).getByRole('row', { name: new RegExp(name) })).toContainText(
    'Daily dish',
  );

  // Weeks far ahead, which no other test plans.
  const source = dayFromToday(21);
  await page.goto(`/plan?week=${source}`);
  const tuesday = page.getByRole('region', { name: /^Tuesday/ });
  await tuesday.getByRole('button', { name: /^Add dish to Tuesday/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Add a dish to Tuesday/ });
  await dialog.getByLabel('Dish', { exact: true }).click();
  await page.getByRole('option', { name }).click();
  await dialog.getByRole('switch', { name: "Chef's choice" }).click();
  await dialog.getByRole('button', { name: 'Add dish' }).click();
  await expect(dialog).toBeHidden();
  await expect(tuesday.getByRole('listitem').filter({ hasText: name })).toContainText('No limit · 0 sold');

  await page.getByRole('button', { name: 'Next week' }).click();
  await expect(tuesday).toContainText('Nothing planned');
  await page.getByRole('button', { name: 'Copy previous week' }).click();
  const copied = tuesday.getByRole('listitem').filter({ hasText: name });
  await expect(copied).toContainText('No limit · 0 sold');
  await expect(copied).toContainText("Chef's choice");
  await expect(tuesday).toContainText('Draft');

  // Copying again would replace this week's drafts: that is asked first.
  await page.getByRole('button', { name: 'Copy previous week' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Replace this week’s drafts?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();

  // Taking it off is one click, and Undo puts it back as it was.
  await copied.getByRole('button', { name: `Remove ${name} from Tuesday` }).click();
  await expect(tuesday).toContainText('Nothing planned');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(copied).toContainText("Chef's choice");
});

test('a dish ordered for a day keeps at least what was sold there, and cannot be taken off it', async ({ page, request }) => {
  const dish = await createDailyDish(request);
  const day = dayFromToday(2);
  await planDish(request, { day, productId: dish.id, plannedQuantity: 10 });
  await publishPlanWeek(request, day);
  const person = await createUser(request);
  await creditWallet(request, person.id, { payer: 'Company subsidy', amountCents: 2_000 });
  await preOrder(request, await apiLogin(request, person.email, person.password), {
    productId: dish.id,
    quantity: 2,
    pickupDay: day,
  });

  await signIn(page, 'manager');
  await page.goto(`/plan?week=${day}`);
  const item = page.getByRole('main').getByRole('listitem').filter({ hasText: dish.name });
  await expect(item).toContainText('10 planned · 2 sold');
  const remove = item.getByRole('button', { name: `Remove ${dish.name}` });
  await expect(remove).toBeDisabled();
  await expect(remove).toHaveAccessibleDescription('2 ordered already: refund those orders to remove the dish.');

  await item.getByRole('button', { name: `Edit ${dish.name}` }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${dish.name} on`) });
  await expect(dialog.getByText('2 are ordered already: plan at least that many.')).toBeVisible();
  await dialog.getByLabel('Planned quantity').fill('1');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('More have been ordered already than that. Plan at least as many as were sold.')).toBeVisible();
  await dialog.getByLabel('Planned quantity').fill('2');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(item).toContainText('2 planned · 2 sold');
});

test('an admin sets the pickup times of a weekday and sees the slots they make', async ({ page, request }) => {
  await signIn(page, 'admin');
  await mainNav(page).getByRole('link', { name: 'Settings' }).click();
  const slots = page.getByRole('region', { name: 'Pickup times' });
  const saturday = slots.getByRole('listitem').filter({ hasText: 'Saturday' });
  await expect(saturday).toContainText('No pickup times');

  await saturday.getByRole('button', { name: 'Edit pickup times on Saturday' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pickup times on Saturday' });
  await dialog.getByRole('switch', { name: 'Pickup times on this day' }).click();
  await dialog.getByLabel('From').fill('11:30');
  await dialog.getByLabel('Until').fill('11:00');
  await dialog.getByRole('button', { name: 'Save pickup times' }).click();
  await expect(dialog.getByText('Must be after the start')).toBeVisible();
  await dialog.getByLabel('Until').fill('14:00');
  await dialog.getByLabel('Every (minutes)').fill('15');
  await dialog.getByLabel('Orders per slot').fill('20');
  await expect(dialog.getByTestId('slot-preview')).toHaveText('10 slots, 20 orders each: 11:30, 11:45, 12:00, …, 13:45');
  await dialog.getByRole('button', { name: 'Save pickup times' }).click();
  await expect(dialog).toBeHidden();
  await expect(saturday).toContainText('11:30, 11:45, 12:00, …, 13:45');
  await expect(saturday).toContainText('10 slots, 20 orders each');

  const week = await slotWeek(request, await apiLogin(request, DEMO.admin.email));
  expect(week.days.find((day) => day.weekday === 6)?.slots.map((slot) => slot.startsAt)).toEqual([
    '11:30',
    '11:45',
    '12:00',
    '12:15',
    '12:30',
    '12:45',
    '13:00',
    '13:15',
    '13:30',
    '13:45',
  ]);

  // And back to none: the page starts from the window it has.
  await saturday.getByRole('button', { name: 'Edit pickup times on Saturday' }).click();
  await expect(dialog.getByLabel('Until')).toHaveValue('14:00');
  await dialog.getByRole('switch', { name: 'Pickup times on this day' }).click();
  await dialog.getByRole('button', { name: 'Save pickup times' }).click();
  await expect(dialog).toBeHidden();
  await expect(saturday).toContainText('No pickup times');
});

test('an admin changes how far ahead people may order and the change deadline', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/settings');
  const ordering = page.getByRole('region', { name: 'Ordering' });
  const days = ordering.getByLabel('Days ahead people may order');
  const deadline = ordering.getByLabel('Change deadline on the pickup day');
  await expect(days).toHaveValue('5');
  await expect(deadline).toHaveValue('10:30');
  await days.fill('15');
  await ordering.getByRole('button', { name: 'Save ordering rules' }).click();
  await expect(ordering.getByText('Enter a whole number from 0 to 14')).toBeVisible();
  await days.fill('7');
  await deadline.fill('11:15');
  await ordering.getByRole('button', { name: 'Save ordering rules' }).click();
  await expect(page.getByText('Saved: orders up to 7 days ahead, changes until 11:15.')).toBeVisible();
  await page.reload();
  await expect(days).toHaveValue('7');
  await expect(deadline).toHaveValue('11:15');

  // Back to the demo's rules, which the other tests order by.
  await days.fill('5');
  await deadline.fill('10:30');
  await ordering.getByRole('button', { name: 'Save ordering rules' }).click();
  await expect(page.getByText('Saved: orders up to 5 days ahead, changes until 10:30.')).toBeVisible();
});
