// The kitchen's README screenshots from a running app: node scripts/screenshots-kitchen.mjs [baseUrl].
// Orders lunch for a few demo employees through the API, moves some through the kitchen, then captures the display
// at wall-screen and tablet sizes and an employee's receipt saying "ready" on a phone.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.mjs';
import { BASE, call, login, shot, signIn } from './screenshot-api.mjs';
const dishId = async (token, name) =>
  (await call('product.list', { token, method: 'GET', input: { limit: 5, search: name } })).items.find((d) => d.name === name).id;

const admin = await login('admin@canteen.test');
const kitchen = await login('kitchen@canteen.test');
// A clean board: whatever is still open from earlier runs is handed out first.
for (const ticket of (await call('kitchen.queue', { token: kitchen, method: 'GET' })).tickets) {
  const steps = ['placed', 'preparing', 'ready', 'collected'];
  for (const status of steps.slice(steps.indexOf(ticket.status) + 1)) {
    await call('kitchen.setStatus', { token: kitchen, input: { orderId: ticket.id, status } });
  }
}
const people = (await call('user.list', { token: admin, method: 'GET', input: { limit: 60, role: 'employee' } })).items
  .filter((person) => person.isActive && person.email !== 'employee@canteen.test')
  .slice(0, 9);
const LUNCHES = [
  [
    ['Chicken Katsu Curry', 1],
    ['Mango Lassi', 1],
  ],
  [['Tomato and Basil Soup', 2]],
  [
    ['Wiener Schnitzel with Austrian Potato Salad', 1],
    ['Garlic Naan', 1],
  ],
  [['Chicken Katsu Curry', 1]],
  [
    ['Falafel and Hummus Wrap', 1],
    ['Chocolate Walnut Brownie', 1],
  ],
  [['Chicken Caesar Salad', 1]],
  [
    ['Tomato and Basil Soup', 1],
    ['Cappuccino', 1],
  ],
  [['Käsespätzle with Crispy Onions', 2]],
  [
    ['Chicken Katsu Curry', 1],
    ['Chips with Sea Salt', 1],
  ],
];
const orders = [];
for (const [index, person] of people.entries()) {
  const token = await login(person.email);
  const items = [];
  for (const [name, quantity] of LUNCHES[index % LUNCHES.length]) {
    const id = await dishId(token, name).catch(() => null);
    if (id) items.push({ productId: id, quantity });
  }
  if (items.length === 0) continue;
  orders.push(await call('order.place', { token, input: { items, idempotencyKey: `kitchen-shot-${Date.now()}-${index}` } }));
}
// The first few are being cooked, two are waiting at the counter.
for (const order of orders.slice(0, 4))
  await call('kitchen.setStatus', { token: kitchen, input: { orderId: order.id, status: 'preparing' } });
for (const order of orders.slice(0, 2))
  await call('kitchen.setStatus', { token: kitchen, input: { orderId: order.id, status: 'ready' } });

const browser = await chromium.launch(chromiumLaunchOptions);

for (const [name, viewport] of [
  ['kitchen-wall', { width: 1920, height: 1080 }],
  ['kitchen-tablet', { width: 1024, height: 768 }],
]) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, hasTouch: name === 'kitchen-tablet' });
  const page = await context.newPage();
  await signIn(page, 'kitchen@canteen.test');
  await page.getByTestId('kitchen-ticket').first().waitFor();
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  await shot(page, name);
  await context.close();
}

// Eli's lunch, ready: the receipt says so by itself.
const eli = await login('employee@canteen.test');
const lunch = await call('order.place', {
  token: eli,
  input: {
    items: [{ productId: await dishId(eli, 'Tomato and Basil Soup'), quantity: 1 }],
    idempotencyKey: `kitchen-shot-eli-${Date.now()}`,
  },
});
const phone = await browser.newContext({
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
});
const page = await phone.newPage();
await signIn(page, 'employee@canteen.test');
await page.goto(`${BASE}/orders/${lunch.id}`);
await page.getByText('You can still cancel it until they start.').waitFor();
await call('kitchen.setStatus', { token: kitchen, input: { orderId: lunch.id, status: 'preparing' } });
await call('kitchen.setStatus', { token: kitchen, input: { orderId: lunch.id, status: 'ready' } });
await page.getByText('Your order is ready', { exact: true }).waitFor();
await shot(page, 'phone-order-ready');
await phone.close();
await browser.close();
