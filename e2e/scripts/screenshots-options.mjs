// Dish options and the production sheet for the README, from a running app with the demo data:
// node scripts/screenshots-options.mjs [baseUrl] [outDir]. The add-to-cart dialog of a dish with choices (the
// burrito bowl: a required base, extras) and the kitchen's production sheet of the next weekday, at phone and
// desktop widths. Places a few pre-orders with options and notes for that day through the API first.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.mjs';
import { BASE, call, login, shot, signIn } from './screenshot-api.mjs';

const admin = await login('admin@canteen.test');
const { today, days } = await call('slot.horizon', { token: admin, method: 'GET' });
const weekday = (day) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const day = days.find((candidate) => candidate !== today && weekday(candidate) <= 5) ?? today;
const find = async (search) =>
  (await call('product.list', { token: admin, method: 'GET', input: { limit: 5, search, day } })).items[0];
const bowl = await find('Chipotle Chicken Burrito Bowl');
const fish = await find('Beer-Battered Fish and Chips');
const optionOf = (dish, name) => dish.optionGroups.flatMap((group) => group.options).find((option) => option.name === name).id;
const slots = (await call('slot.day', { token: admin, method: 'GET', input: { day } })).slots;

// Colleagues' pre-orders for that day: sides and extras, a few notes, across the first pickup times.
const ORDERS = [
  [bowl, ['Coriander-lime rice', 'Guacamole'], 'Extra lime, please'],
  [bowl, ['Mixed leaves', 'Extra cheddar', 'Pickled jalapeños'], null],
  [bowl, ['Coriander-lime rice'], null],
  [fish, ['Chunky chips'], null],
  [fish, ['Side salad'], 'Dressing on the side'],
  [fish, ['Chunky chips'], null],
  [bowl, ['Coriander-lime rice', 'Guacamole'], null],
];
const people = (await call('user.list', { token: admin, method: 'GET', input: { limit: 40, role: 'employee' } })).items
  .filter((person) => person.isActive && person.email !== 'employee@canteen.test')
  .slice(0, ORDERS.length);
for (const [index, person] of people.entries()) {
  const [dish, options, note] = ORDERS[index];
  const token = await login(person.email).catch(() => null);
  if (!token) continue;
  await call('order.place', {
    token,
    input: {
      items: [
        { productId: dish.id, quantity: 1, optionIds: options.map((name) => optionOf(dish, name)), ...(note ? { note } : {}) },
      ],
      pickupDay: day,
      ...(slots[index % 3] ? { slotId: slots[index % 3].id } : {}),
      idempotencyKey: `options-shot-${Date.now()}-${index}`,
    },
  }).catch((error) => console.warn(String(error)));
}

const browser = await chromium.launch(chromiumLaunchOptions);

for (const [width, options] of [
  ['desktop', { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 }],
  ['phone', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
]) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signIn(page, 'employee@canteen.test');
  await page.goto(`${BASE}/menu?day=${day}&q=${encodeURIComponent('Burrito Bowl')}`);
  await page.getByRole('button', { name: `Add to cart: ${bowl.name}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: /Coriander-lime rice/ }).click();
  await dialog.getByRole('checkbox', { name: /Guacamole/ }).click();
  await dialog.getByRole('checkbox', { name: /Extra cheddar/ }).click();
  await dialog.getByLabel('Note for the kitchen (optional)').fill('No coriander, please');
  await shot(page, `dish-options-${width}`);
  await context.close();

  const kitchen = await browser.newContext(options);
  const sheet = await kitchen.newPage();
  await signIn(sheet, 'kitchen@canteen.test');
  await sheet.goto(`${BASE}/kitchen/sheet?day=${day}`);
  await sheet.getByTestId('sheet-dish').first().waitFor();
  await shot(sheet, `production-sheet-${width}`);
  await kitchen.close();
}
await browser.close();
