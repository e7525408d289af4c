import { readFileSync } from 'node:fs';
import { type APIRequestContext, type Download, type Page, expect, test } from '@playwright/test';
import {
  type CreatedUser,
  apiLogin,
  cents,
  createDepartment,
  createUser,
  creditWallet,
  mainNav,
  pickPerson,
  placeOrder,
  signIn,
} from './fixtures';

const NAAN_CENTS = 280;

/**
 * An employee (by default of Engineering, the demo manager's department) with money from two payers (the company
 * subsidy since yesterday, a promotion since now) and one paid order of Garlic Naan.
 */
const personWithAnOrder = async (
  request: APIRequestContext,
  quantity = 5,
  department = 'Engineering',
): Promise<{ user: CreatedUser; totalCents: number }> => {
  const user = await createUser(request, 'employee', { department });
  await creditWallet(request, user.id, { payer: 'Company subsidy', amountCents: 2_000, daysAgo: 1 });
  await creditWallet(request, user.id, { payer: 'Welcome promo', amountCents: 500 });
  const order = await placeOrder(request, await apiLogin(request, user.email, user.password), [
    { productName: 'Garlic Naan', quantity },
  ]);
  return { user, totalCents: order.totalCents };
};

/** The CSV a click downloads, as lines (the API ends records with CRLF). */
const csvLines = async (page: Page, click: () => Promise<void>): Promise<{ download: Download; lines: string[] }> => {
  const downloading = page.waitForEvent('download');
  await click();
  const download = await downloading;
  return {
    download,
    lines: readFileSync(await download.path(), 'utf8')
      .split(/\r?\n/)
      .filter(Boolean),
  };
};

const utcDay = (date = new Date()) => date.toISOString().slice(0, 10);
const mediumDay = (date = new Date()) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
const utcMonth = (date = new Date()) => date.toISOString().slice(0, 7);

test("a manager reads the month's sales, keeps another period in the address and downloads a section's CSV", async ({
  page,
  request,
}) => {
  const { totalCents } = await personWithAnOrder(request);
  expect(totalCents).toBe(5 * NAAN_CENTS);

  await signIn(page, 'manager');
  await mainNav(page).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await expect(page).toHaveTitle('Reports · Canteen');
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Period')).toHaveText('This month');

  // Other tests order too: the month holds at least this order, and the numbers agree with each other.
  await expect(page.getByTestId('report-revenue')).toContainText('€');
  const revenue = cents(await page.getByTestId('report-revenue').textContent());
  const orders = Number((await page.getByTestId('report-orders').textContent())?.replace(/\D/g, ''));
  expect(revenue).toBeGreaterThanOrEqual(totalCents);
  expect(orders).toBeGreaterThanOrEqual(1);
  expect(cents(await page.getByTestId('report-average').textContent())).toBe(Math.round(revenue / orders));
  await expect(page.getByTestId('revenue-chart').locator('.recharts-surface')).toBeVisible();
  // The chart's text alternative: a table of the days with orders, today among them.
  await expect(page.getByRole('table', { name: /^Revenue per day/ }).getByRole('row', { name: mediumDay() })).toBeAttached();
  const topDishes = page.getByRole('table', { name: 'Top dishes' });
  await expect(topDishes.getByRole('row', { name: /Garlic Naan/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Funding by payer' })).toContainText('Company subsidy');

  // Nobody ordered last month (every test orders today); the choice survives a reload.
  await page.getByLabel('Period').click();
  await page.getByRole('option', { name: 'Last month' }).click();
  await expect(page).toHaveURL(/[?&]range=last-month(&|$)/);
  await expect(page.getByTestId('report-revenue')).toHaveText('€0.00');
  await expect(page.getByTestId('report-orders')).toHaveText('0');
  await expect(page.getByRole('region', { name: 'Revenue' })).toContainText('No sales in this period');
  await page.reload();
  await expect(page.getByLabel('Period')).toHaveText('Last month');
  await expect(page.getByTestId('report-orders')).toHaveText('0');

  await page.getByLabel('Period').click();
  await page.getByRole('option', { name: 'Last 7 days' }).click();
  await expect(page).toHaveURL(/[?&]range=last-7-days(&|$)/);
  await expect(topDishes.getByRole('row', { name: /Garlic Naan/ })).toBeVisible();
  const { download, lines } = await csvLines(page, () =>
    page.getByRole('button', { name: 'Download CSV of top dishes' }).click(),
  );
  const sevenDaysAgo = utcDay(new Date(Date.now() - 6 * 86_400_000));
  expect(download.suggestedFilename()).toBe(`canteen-top-dishes_${sevenDaysAgo}_${utcDay()}.csv`);
  expect(lines[0]).toBe('dish,category,quantity,revenue_eur');
  const naan = lines.find((line) => line.startsWith('Garlic Naan,'))?.split(',');
  expect(naan?.[1]).toBe('Sides');
  expect(Number(naan?.[2])).toBeGreaterThanOrEqual(5);

  // Per week: the chart and the weekly CSV.
  await page.getByRole('radio', { name: 'Per week' }).click();
  await expect(page).toHaveURL(/[?&]by=week(&|$)/);
  await expect(page.getByRole('table', { name: /^Revenue per week/ })).toBeAttached();
  const weekly = await csvLines(page, () => page.getByRole('button', { name: 'Download CSV of revenue per week' }).click());
  expect(weekly.lines[0]).toBe('week_starting,orders,revenue_eur');
  expect(weekly.lines.length).toBeGreaterThan(1);
});

test('custom dates the API would refuse are explained instead of sent', async ({ page }) => {
  await signIn(page, 'manager');
  await page.goto('/reports?range=custom&from=2026-03-10&to=2026-03-01');
  await expect(page.getByLabel('From')).toHaveValue('2026-03-10');
  await expect(page.getByText('Choose another period')).toBeVisible();
  await expect(page.getByText('The end must be after the start').first()).toBeVisible();
  await page.getByLabel('To (included)').fill('2026-03-20');
  await expect(page).toHaveURL(/to=2026-03-20/);
  await expect(page.getByTestId('report-revenue')).toHaveText('€0.00');
});

test('an admin narrows the reports and the orders to one department', async ({ page, request }) => {
  const engineer = await personWithAnOrder(request, 1);
  const elsewhere = await personWithAnOrder(request, 1, await createDepartment(request));
  await signIn(page, 'admin');
  await page.goto('/reports?tab=orders');
  const orders = page.getByRole('table', { name: 'Orders' });
  await expect(orders.getByRole('row', { name: new RegExp(engineer.user.name) })).toBeVisible();
  await expect(orders.getByRole('row', { name: new RegExp(elsewhere.user.name) })).toBeVisible();

  await page.getByRole('combobox', { name: 'Department' }).click();
  await page.getByRole('option', { name: 'Engineering' }).click();
  await expect(page).toHaveURL(/[?&]departmentId=[0-9a-f-]{36}/);
  await expect(page.getByText('Sales, funding and statements of Engineering.')).toBeVisible();
  await expect(orders.getByRole('row', { name: new RegExp(engineer.user.name) })).toBeVisible();
  await expect(orders.getByRole('row', { name: new RegExp(elsewhere.user.name) })).toHaveCount(0);

  await page.getByRole('tab', { name: 'Overview' }).click();
  const departments = page.getByRole('table', { name: 'Spend by department' });
  await expect(departments.getByRole('row')).toHaveCount(2);
  await expect(departments.getByRole('row').nth(1)).toContainText('Engineering');
});

test('old Sales links land on the Orders tab, where refunds still are', async ({ page, request }) => {
  const { user } = await personWithAnOrder(request, 1);
  await signIn(page, 'manager');
  await page.goto('/sales');
  await expect(page).toHaveURL(/\/reports\?tab=orders$/);
  await expect(page.getByRole('tab', { name: 'Orders' })).toHaveAttribute('aria-selected', 'true');
  const row = page.getByRole('table', { name: 'Orders' }).getByRole('row', { name: new RegExp(user.name) });
  await expect(row.getByRole('button', { name: /^Refund order/ })).toBeVisible();
});

test("a manager opens one person's statement from Reports, prints it, and downloads the month's payroll CSV", async ({
  page,
  request,
}) => {
  const { user, totalCents } = await personWithAnOrder(request, 2);
  await signIn(page, 'manager');
  await page.goto('/reports');
  await page.getByRole('tab', { name: 'Statements' }).click();
  const statements = page.getByRole('region', { name: 'Monthly statements' });
  await expect(statements.getByLabel('Month')).toHaveText(
    new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date()),
  );
  await pickPerson(page, statements, 'Whose statement', user.name);
  await statements.getByRole('link', { name: 'Open statement' }).click();

  await expect(page).toHaveURL(new RegExp(`/reports/statement\\?userId=${user.id}&month=${utcMonth()}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Monthly statement' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: user.name })).toBeVisible();
  const table = page.getByRole('table', { name: 'Statement per payer' });
  // The subsidy came yesterday; if that was last month it is this month's opening balance instead of a credit.
  await expect(table.getByRole('row', { name: /Company subsidy/ })).toContainText('€20.00');
  await expect(table.getByRole('row', { name: /Welcome promo/ })).toContainText('+€5.00');
  const total = table.getByRole('row', { name: /^Total/ });
  await expect(total.getByRole('cell').last()).toHaveText(`€${((2_500 - totalCents) / 100).toFixed(2)}`);
  await expect(total).toContainText(`−€${(totalCents / 100).toFixed(2)}`);

  const print = page.getByRole('button', { name: 'Print' });
  await expect(print).toBeEnabled();
  await expect(page.getByTestId('letterhead')).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(print).toBeHidden();
  await expect(mainNav(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
  await expect(page.getByTestId('letterhead')).toBeVisible();
  await expect(page.getByTestId('letterhead')).toContainText('Canteen');
  await expect(table).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('link', { name: 'Back to reports' }).click();
  await expect(page).toHaveURL(new RegExp(`/reports\\?tab=statements&month=${utcMonth()}$`));
  const { download, lines } = await csvLines(page, () => page.getByRole('button', { name: /^Download payroll CSV of/ }).click());
  expect(download.suggestedFilename()).toBe(`canteen-statements_${utcMonth()}.csv`);
  expect(lines[0]).toBe('person,employee_number,department,payer,opening_eur,credits_eur,spends_eur,refunds_eur,closing_eur');
  // The order took the older subsidy first, so the promotion's five euros are still there.
  const promo = lines.find((line) => line.startsWith(`${user.name},`) && line.includes(',Welcome promo,'));
  expect(promo?.split(',').slice(2)).toEqual(['Engineering', 'Welcome promo', '0.00', '5.00', '0.00', '0.00', '5.00']);
  // Everyone in the CSV is of the manager's department.
  for (const line of lines.slice(1)) expect(line.split(',')[2]).toBe('Engineering');
});

test('employees cannot open Reports or a statement', async ({ page, request }) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await signIn(page, 'employee');
  await expect(mainNav(page).getByRole('link', { name: 'Reports' })).toHaveCount(0);
  for (const path of ['/reports', '/reports?tab=statements', `/reports/statement?userId=${user.id}&month=${utcMonth()}`]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/menu$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Menu' })).toBeVisible();
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('Reports and a statement fit the screen: no sideways scrolling', async ({ page, request }) => {
    const { user } = await personWithAnOrder(request, 1);
    await signIn(page, 'manager');
    const fits = async () =>
      expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.goto('/reports');
    await expect(page.getByTestId('revenue-chart').locator('.recharts-surface')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Top dishes' })).toBeVisible();
    const chartWidth = (await page.getByTestId('revenue-chart').boundingBox())?.width ?? 0;
    expect(chartWidth).toBeGreaterThan(250);
    expect(chartWidth).toBeLessThanOrEqual(390);
    await fits();

    await page.getByRole('tab', { name: 'Orders' }).click();
    await expect(page.getByRole('table', { name: 'Orders' }).getByRole('row').nth(1)).toBeVisible();
    await fits();

    await page.getByRole('tab', { name: 'Statements' }).click();
    await expect(page.getByRole('button', { name: /^Download payroll CSV/ })).toBeVisible();
    await fits();

    await page.goto(`/reports/statement?userId=${user.id}&month=${utcMonth()}`);
    // On a phone each payer is a block of its own instead of a six-column table.
    const blocks = page.getByRole('list', { name: 'Statement per payer' });
    await expect(blocks.getByRole('listitem').filter({ hasText: 'Welcome promo' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Statement per payer' })).toBeHidden();
    await fits();
  });
});
