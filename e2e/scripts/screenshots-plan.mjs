// The menu plan's README screenshots from a running app: node scripts/screenshots-plan.mjs [baseUrl] [outDir].
// The manager's planning grid of next week at desktop and phone widths. The demo publishes the weekdays ahead; a
// database without a plan gets one here from the daily dishes. A dish added on Saturday afterwards stays a draft,
// and a few pre-orders through the API give the days something sold.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.mjs';
import { BASE, call, login, shot, signIn } from './screenshot-api.mjs';
const addDays = (day, days) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const manager = await login('manager@canteen.test');
const { today } = await call('slot.horizon', { token: manager, method: 'GET' });
let week = await call('plan.week', { token: manager, method: 'GET', input: { day: addDays(today, 7) } });
const monday = week.weekStart;
const daily = (await call('product.list', { token: manager, method: 'GET', input: { limit: 100 } })).items.filter(
  (dish) => dish.isScheduled,
);
if (daily.length < 3) throw new Error('The demo has too few daily dishes: start the app on a fresh database');

if (!week.days.some((day) => day.dishes.length > 0)) {
  for (let index = 0; index < 5; index++) {
    for (const [turn, dish] of [daily[index % daily.length], daily[(index + 1) % daily.length]].entries()) {
      await call('plan.setDish', {
        token: manager,
        input: { day: addDays(monday, index), productId: dish.id, plannedQuantity: 40, isChefsChoice: turn === 0 && index < 2 },
      });
    }
  }
  await call('plan.publish', { token: manager, input: { day: monday, isPublished: true } });
}
// Saturday, planned after the week was published: a draft until it is published again.
const saturday = addDays(monday, 5);
week = await call('plan.setDish', {
  token: manager,
  input: { day: saturday, productId: daily[0].id, plannedQuantity: 25, isNew: true },
});

// Something sold on the days people can order for already: the first dish of each that takes no choices.
const eli = await login('employee@canteen.test');
for (const day of week.days.slice(0, 5)) {
  for (const dish of day.dishes) {
    const placed = await call('order.place', {
      token: eli,
      input: { items: [{ productId: dish.productId, quantity: 2 }], pickupDay: day.day, idempotencyKey: `plan-shot-${day.day}` },
    }).catch(() => null);
    if (placed) break;
  }
}

const browser = await chromium.launch(chromiumLaunchOptions);

for (const [name, options] of [
  ['plan-week', { viewport: { width: 1366, height: 800 }, deviceScaleFactor: 1 }],
  ['phone-plan-week', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
]) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signIn(page, 'manager@canteen.test');
  await page.goto(`${BASE}/plan?week=${monday}`);
  await page.getByRole('main').getByRole('listitem').first().waitFor();
  await shot(page, name);
  await context.close();
}
await browser.close();
