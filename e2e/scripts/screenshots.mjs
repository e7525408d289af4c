// Captures the README screenshots from a running app: node scripts/screenshots.mjs [baseUrl] (default :3100).
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.mjs';

const BASE = process.argv[2] ?? process.env.BASE_URL ?? 'http://localhost:3100';
const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');
const PASSWORD = 'Canteen-Demo-2026';
mkdirSync(OUT, { recursive: true });

const browser = await chromium.launch(chromiumLaunchOptions);

const signIn = async (page, email) => {
  await page.goto(`${BASE}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
};

const signOut = async (page) => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
};

const shot = async (page, name) => {
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: false, animations: 'disabled', caret: 'hide' });
  console.log('wrote', `${OUT}/${name}.png`);
};

const desktop = await browser.newContext({ viewport: { width: 1366, height: 800 }, deviceScaleFactor: 1 });
let page = await desktop.newPage();
await page.goto(`${BASE}/login`);
await page.getByRole('button', { name: 'Sign in' }).waitFor();
await shot(page, 'login');

const nav = (target) => target.getByRole('navigation', { name: 'Main' });

await signIn(page, 'employee@canteen.test');
await page.getByRole('article').first().waitFor();
await shot(page, 'menu');

for (const dish of ['Chicken Katsu Curry', 'Mango Lassi', 'Chocolate Walnut Brownie']) {
  await page.getByLabel('Search dishes').fill(dish);
  await page.getByRole('button', { name: `Add to cart: ${dish}` }).click();
}
await page.getByRole('link', { name: /^Cart, / }).click();
await page.getByTestId('checkout-balance').waitFor();
await shot(page, 'checkout');

await nav(page).getByRole('link', { name: 'Wallet' }).click();
await page.locator('.recharts-surface').waitFor();
await page.getByRole('table', { name: 'Wallet history' }).waitFor();
await shot(page, 'wallet');

// A card top-up: the dialog, then the sandbox checkout and the page it returns to.
await page.getByRole('button', { name: 'Top up', exact: true }).click();
const topUp = page.getByRole('dialog', { name: 'Top up your wallet' });
await topUp.getByRole('button', { name: '€20.00' }).click();
await shot(page, 'top-up');
await topUp.getByRole('button', { name: 'Continue to payment' }).click();
await page.getByRole('button', { name: 'Pay €20.00' }).click();
await page.getByRole('heading', { name: '€20.00 added to your wallet' }).waitFor();
await page.getByTestId('top-up-balance').filter({ hasText: '€' }).waitFor();
await shot(page, 'top-up-return');
await signOut(page);

await signIn(page, 'manager@canteen.test');
await nav(page).getByRole('link', { name: 'Products' }).click();
await page.getByRole('table', { name: 'Products' }).waitFor();
await shot(page, 'products');

// An espresso at the till for Eli, so their person page (and the audit log) has an order to show.
await nav(page).getByRole('link', { name: 'Till' }).click();
await page.getByLabel('Who is it for').click();
await page.getByRole('combobox', { name: 'Search people' }).fill('Eli Employee');
await page
  .getByRole('listbox', { name: 'Matching people' })
  .getByRole('option', { name: /Eli Employee/ })
  .click();
await page.getByLabel('Search dishes').fill('espresso');
await page.getByRole('button', { name: 'Add: Espresso' }).click();
await page.getByRole('button', { name: /^Charge Eli/ }).click();
await page.getByRole('article', { name: /^Order #/ }).waitFor();

await nav(page).getByRole('link', { name: 'People' }).click();
await page.getByLabel('Search people').fill('Eli Employee');
await page.getByRole('table').getByRole('link', { name: 'Eli Employee' }).click();
await page.getByTestId('person-balance-total').waitFor();
await page.getByRole('table', { name: 'Recent orders' }).waitFor();
await shot(page, 'person');
await signOut(page);

await signIn(page, 'admin@canteen.test');
await nav(page).getByRole('link', { name: 'Users' }).click();
await page.getByRole('table', { name: 'Users' }).waitFor();
await shot(page, 'admin-users');

/** The audit log filtered to orders, the newest entry opened to its field-by-field changes. */
const openAuditEntry = async (target) => {
  await target.goto(`${BASE}/admin/audit?entity=Order`);
  await target
    .getByRole('button', { name: /^Show changes/ })
    .first()
    .click();
  const changes = target.getByRole('region', { name: /^Changes:/ });
  await changes.waitFor();
  return changes;
};
await openAuditEntry(page);
await shot(page, 'audit-log');

await nav(page).getByRole('link', { name: 'Profile' }).click();
await page.getByRole('heading', { name: 'Change password' }).waitFor();
await shot(page, 'profile');
await desktop.close();

const phone = await browser.newContext({
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
});
page = await phone.newPage();
await signIn(page, 'employee@canteen.test');
await page.getByRole('article').first().waitFor();
await shot(page, 'phone-menu');
await signOut(page);

await signIn(page, 'manager@canteen.test');
await page.goto(`${BASE}/people`);
await page.getByRole('table').waitFor();
await shot(page, 'phone-people');
await page.getByRole('button', { name: 'Open menu' }).click();
await nav(page).getByRole('link', { name: 'People' }).waitFor();
await shot(page, 'phone-nav');
await page.getByRole('button', { name: 'Close menu' }).click();
await page.getByLabel('Search people').fill('Eli Employee');
await page.getByRole('table').getByRole('link', { name: 'Eli Employee' }).click();
await page.getByTestId('person-balance-total').waitFor();
await shot(page, 'phone-person');
await signOut(page);

await signIn(page, 'admin@canteen.test');
const changes = await openAuditEntry(page);
// The entry's row at the top, below the sticky header.
await changes.evaluate((region) => {
  region.closest('tr')?.previousElementSibling?.scrollIntoView({ block: 'start' });
  window.scrollBy(0, -72);
});
await shot(page, 'phone-audit-log');
await phone.close();

// Reports need sales: the manager rings up a few lunches at the till for people of Engineering (dishes whose
// stock is not counted, and after every other shot, so nothing above changes).
const TILL_BASKETS = [
  ['Baked Salmon with Lemon Dill Sauce and New Potatoes', 'Mango Lassi'],
  ['Nachos with Salsa and Guacamole', 'Cappuccino', 'Espresso'],
  ['Gratin Dauphinois', 'Chips with Sea Salt', 'English Breakfast Tea'],
  ['Baked Salmon with Lemon Dill Sauce and New Potatoes', 'Garlic Naan', 'Oat Milk Flat White'],
  ['Steamed Basmati Rice', 'Edamame with Sea Salt', 'Homemade Mint Lemonade'],
];
const reports = await browser.newContext({ viewport: { width: 1366, height: 800 }, deviceScaleFactor: 1 });
page = await reports.newPage();
await signIn(page, 'manager@canteen.test');
await nav(page).getByRole('link', { name: 'Till' }).click();
for (const [index, basket] of TILL_BASKETS.entries()) {
  await page.getByLabel('Who is it for').click();
  await page.getByRole('listbox', { name: 'Matching people' }).getByRole('option').nth(index).click();
  for (const dish of basket) {
    await page.getByLabel('Search dishes').fill(dish);
    await page.getByRole('button', { name: `Add: ${dish}` }).click();
  }
  await page.getByRole('button', { name: /^Charge / }).click();
  await page.getByRole('button', { name: 'Next customer' }).click();
}

await nav(page).getByRole('link', { name: 'Reports' }).click();
await page.locator('.recharts-surface').waitFor();
await page.getByRole('table', { name: 'Funding by payer' }).waitFor();
await shot(page, 'reports');

await page.getByRole('tab', { name: 'Statements' }).click();
await page.getByLabel('Whose statement').click();
await page.getByRole('listbox', { name: 'Matching people' }).getByRole('option').first().click();
await page.getByRole('link', { name: 'Open statement' }).click();
await page.getByRole('table', { name: 'Statement per payer' }).waitFor();
await shot(page, 'statement');
await reports.close();

const phoneReports = await browser.newContext({
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
});
page = await phoneReports.newPage();
await signIn(page, 'manager@canteen.test');
await page.goto(`${BASE}/reports`);
await page.locator('.recharts-surface').waitFor();
await shot(page, 'phone-reports');
await phoneReports.close();

// Issue 13: the wallet's history one row per order, orders with their filters, dark mode and German, at both widths.
for (const [name, options] of [
  ['', { viewport: { width: 1366, height: 800 }, deviceScaleFactor: 1 }],
  ['phone-', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
]) {
  const context = await browser.newContext(options);
  page = await context.newPage();
  await signIn(page, 'employee@canteen.test');
  if (name === '') {
    // A lunch worth more than the oldest money in the wallet, so two payers share it.
    for (const dish of ['Chicken Katsu Curry', 'Mango Lassi', 'Chocolate Walnut Brownie']) {
      await page.getByLabel('Search dishes').fill(dish);
      await page.getByRole('button', { name: `Add to cart: ${dish}` }).click();
    }
    await page.goto(`${BASE}/cart`);
    await page.getByRole('button', { name: /^Place order/ }).click();
    await page.getByRole('heading', { name: 'Receipt' }).waitFor();
  }
  await page.goto(`${BASE}/wallet`);
  const history = page.getByRole('table', { name: 'Wallet history' });
  await history.waitFor();
  await history
    .getByRole('button', { name: /^Show who paid/ })
    .first()
    .click();
  await page.getByRole('list', { name: 'Paid by' }).scrollIntoViewIfNeeded();
  await shot(page, `${name}wallet-history`);
  await page.goto(`${BASE}/orders`);
  await page.getByRole('table', { name: 'Your orders' }).waitFor();
  await shot(page, `${name}orders`);
  await context.close();

  const dark = await browser.newContext({ ...options, colorScheme: 'dark' });
  page = await dark.newPage();
  await signIn(page, 'employee@canteen.test');
  await page.getByRole('article').first().waitFor();
  await shot(page, `${name}menu-dark`);
  await dark.close();

  const german = await browser.newContext({ ...options, locale: 'de-DE' });
  page = await german.newPage();
  await page.goto(`${BASE}/login`);
  await page.getByLabel('E-Mail').fill('employee@canteen.test');
  await page.getByLabel('Passwort').fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('article').first().waitFor();
  await shot(page, `${name}menu-de`);
  await german.close();
}
await browser.close();
