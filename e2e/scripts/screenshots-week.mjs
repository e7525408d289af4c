// The week plan's README screenshots from a running app: node scripts/screenshots-week.mjs [baseUrl] [outDir].
// The menu of the next weekday (its day chip chosen, daily dishes with their badges) and the cart's pickup day and
// times, at phone and desktop widths. Makes sure that day has pickup times and a published plan, and books a few
// of its times through the API so they show what is left.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.mjs';
import { BASE, PASSWORD, call, login, shot } from './screenshot-api.mjs';

const dayAfter = (day, days) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
const weekday = (day) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

const admin = await login('admin@canteen.test');
const manager = await login('manager@canteen.test');
const { timeZone } = await call('config.get', { method: 'GET' });
const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
  new Date(),
);
// The next weekday: a lunch day with pickup times in the demo.
let day = dayAfter(today, 1);
while (weekday(day) > 5) day = dayAfter(day, 1);

const slotsOf = () => call('slot.day', { token: admin, method: 'GET', input: { day } });
if ((await slotsOf()).slots.length === 0) {
  await call('slot.setDay', {
    token: admin,
    input: { weekday: weekday(day), window: { from: '11:30', to: '14:00', everyMinutes: 15, capacity: 25 } },
  });
}

// The day's published plan: the demo's, or two daily dishes planned here.
const planDay = async () =>
  (await call('plan.week', { token: manager, method: 'GET', input: { day } })).days.find((entry) => entry.day === day);
if (!(await planDay())?.publishedAt) {
  const [mains] = await call('category.list', { token: manager, method: 'GET' });
  const specs = [
    ['Roasted Aubergine and Courgette Bake', 780, ['gluten', 'eggs', 'milk'], ['vegetarian'], { isChefsChoice: true }],
    ['Catch of the Day with Herb Potatoes', 1090, ['fish', 'milk'], ['pescatarian'], { isNew: true }],
  ];
  for (const [name, priceCents, allergens, dietaryTags, badges] of specs) {
    const dish = await call('product.create', {
      token: manager,
      input: {
        name,
        description: 'Cooked fresh for the day.',
        priceCents,
        categoryId: mains.id,
        allergens,
        dietaryTags,
        isScheduled: true,
      },
    });
    await call('plan.setDish', { token: manager, input: { day, productId: dish.id, plannedQuantity: 40, ...badges } });
  }
  await call('plan.publish', { token: manager, input: { day, isPublished: true } });
}
const dishes = (await planDay()).dishes.filter((dish) => dish.isActive);
const daily = dishes.find((dish) => dish.isChefsChoice) ?? dishes[0];

// A few colleagues have booked: the times say what is left. Dishes with a required choice need options, which
// these orders leave out, so a plain everyday dish goes with them.
const espresso = (
  await call('product.list', { token: manager, method: 'GET', input: { limit: 5, search: 'Espresso' } })
).items.find((dish) => dish.name === 'Espresso');
const people = (await call('user.list', { token: admin, method: 'GET', input: { limit: 60, role: 'employee' } })).items
  .filter((person) => person.isActive && person.email !== 'employee@canteen.test')
  .slice(0, 12);
const slots = (await slotsOf()).slots;
for (const [index, person] of people.entries()) {
  const slot = slots[[1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 5, 5][index] ?? 1];
  if (!slot || !espresso) break;
  const token = await login(person.email).catch(() => null);
  if (!token) continue;
  await call('order.place', {
    token,
    input: {
      items: [{ productId: espresso.id, quantity: 1 }],
      pickupDay: day,
      slotId: slot.id,
      idempotencyKey: `week-shot-${Date.now()}-${index}`,
    },
  }).catch(() => null);
}

const browser = await chromium.launch(chromiumLaunchOptions);

for (const [width, options] of [
  ['desktop', { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 }],
  ['phone', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
]) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  await page.getByLabel('Email').fill('employee@canteen.test');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Menu' }).waitFor();

  // The menu of that day (its chip chosen): its daily dishes first, with their badges.
  await page.goto(`${BASE}/menu?day=${day}`);
  const pinned = page.getByRole('region', { name: /^Daily dishes on / });
  await pinned.getByRole('article', { name: daily.name }).waitFor();
  await pinned.getByRole('button', { name: `Add to cart: ${daily.name}` }).click();
  // A dish with choices asks for them: the first of each required group.
  const choices = page.getByRole('dialog');
  if (
    await choices.waitFor({ timeout: 1_500 }).then(
      () => true,
      () => false,
    )
  ) {
    for (const group of await choices.getByRole('radiogroup').all()) await group.getByRole('radio').first().click();
    await choices.getByRole('button', { name: /^Add to cart/ }).click();
    await choices.waitFor({ state: 'hidden' });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, `week-view-${width}`);

  // The cart: its pickup day, that day's times with what is left, the cut-off.
  await page
    .getByRole('link', { name: /^Cart, / })
    .first()
    .click();
  const times = page.getByRole('radiogroup', { name: 'Pickup time' });
  await times.waitFor();
  await times.getByRole('radio', { name: /^12:15/ }).click();
  if (width === 'phone') {
    await page.getByRole('heading', { name: 'Pickup', exact: true }).evaluate((heading) => {
      heading.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -80);
    });
  }
  await shot(page, `slot-picker-${width}`);
  // Leave the demo's cart as it was.
  await page.getByRole('button', { name: 'Empty cart' }).click();
  await context.close();
}
await browser.close();
