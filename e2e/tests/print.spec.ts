import { type APIRequestContext, type Locator, type Page, expect, test } from '@playwright/test';
import { type CreatedUser, apiLogin, cents, createUser, creditWallet, placeOrder, refundOrder, signInAs } from './fixtures';

/*
 * A receipt is printed on whatever paper the printer has: A4 portrait or landscape, or wider. On paper it fills the
 * page's width under the canteen's letterhead, and nothing that matters (the prices, the amounts, the total) may be
 * cut off. The page lays out at the paper's width less its 15 mm margins, in CSS pixels (96 per inch).
 */
const printableWidth = (paperMm: number): number => Math.floor(((paperMm - 2 * 15) * 96) / 25.4);
const A4_PORTRAIT = printableWidth(210);
const PAPERS = [
  { name: 'A4 portrait', width: A4_PORTRAIT },
  { name: 'A4 landscape', width: printableWidth(297) },
  { name: 'A3 landscape', width: printableWidth(420) },
];

const CONFIGURED = '"name":"Kantine Nord","address":"Hauptstraße 1, 10115 Berlin"';

/** A fresh employee of Engineering (the demo manager's department) with an order of three dishes. */
const personWithAnOrder = async (request: APIRequestContext) => {
  const user = await createUser(request, 'employee', { department: 'Engineering' });
  await creditWallet(request, user.id, { payer: 'Company subsidy', amountCents: 5_000 });
  const token = await apiLogin(request, user.email, user.password);
  const order = await placeOrder(request, token, [
    { productName: 'Garlic Naan', quantity: 2 },
    { productName: 'Mango Lassi', quantity: 1 },
    { productName: 'Tomato and Basil Soup', quantity: 1 },
  ]);
  return { user, order };
};

const openReceipt = async (page: Page, user: CreatedUser, orderId: string): Promise<Locator> => {
  await signInAs(page, user.email, user.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Menu' })).toBeVisible();
  await page.goto(`/orders/${orderId}`);
  const receipt = page.getByRole('article', { name: /^Order #/ });
  await expect(receipt.getByTestId('order-total')).toBeVisible();
  return receipt;
};

/** The element is on the page, whole: from its left edge to its right edge within the paper's printable width. */
const expectWithin = async (element: Locator, width: number, what: string): Promise<void> => {
  const box = await element.boundingBox();
  expect(box, what).not.toBeNull();
  expect(box?.x ?? -1, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY), `${what}: right edge`).toBeLessThanOrEqual(width);
};

const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The page's size in PDF points and its number of pages (Chromium writes the page dictionaries uncompressed). */
const pdfPages = (pdf: Buffer) => {
  const text = pdf.toString('latin1');
  const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text);
  return { width: Number(box?.[1]), height: Number(box?.[2]), count: text.match(/\/Type \/Page(?!s)/g)?.length ?? 0 };
};

test('a receipt prints on A4 portrait and landscape and wider paper, whole and under the letterhead', async ({
  page,
  request,
}) => {
  const { user, order } = await personWithAnOrder(request);
  const receipt = await openReceipt(page, user, order.id);
  const letterhead = receipt.getByTestId('letterhead');
  await expect(letterhead).toBeHidden();

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Receipt' })).toBeHidden();
  // The canteen's name heads the page; no address is configured here, so there is no address line.
  await expect(letterhead).toBeVisible();
  await expect(letterhead).toHaveText('Canteen');

  const table = receipt.getByRole('table', { name: 'Items' });
  const total = receipt.getByTestId('order-total');
  for (const paper of PAPERS) {
    await page.setViewportSize({ width: paper.width, height: 1_000 });
    await expect(table.getByRole('columnheader')).toHaveText(['Dish', 'Qty', 'Price', 'Amount']);
    for (const name of ['Price', 'Amount']) {
      await expectWithin(table.getByRole('columnheader', { name }), paper.width, `${paper.name}: ${name}`);
    }
    await expectWithin(table.getByRole('cell', { name: '€2.80' }), paper.width, `${paper.name}: a unit price`);
    await expectWithin(table.getByRole('rowheader', { name: 'Total' }), paper.width, `${paper.name}: Total`);
    await expectWithin(total, paper.width, `${paper.name}: the total`);
    expect(cents(await total.textContent())).toBe(order.totalCents);
    // The whole width of the paper, not a column of it.
    expect((await table.boundingBox())?.width ?? 0, `${paper.name}: table width`).toBeGreaterThan(paper.width * 0.9);
    expect(await horizontalOverflow(page), `${paper.name}: nothing sticks out`).toBe(0);
  }

  for (const landscape of [false, true]) {
    const pdf = await page.pdf({ format: 'A4', landscape });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdfPages(pdf);
    expect(pages.count, 'the receipt fits one page').toBe(1);
    expect(pages.width > pages.height, `landscape: ${landscape}`).toBe(landscape);
  }

  // A configured canteen (CANTEEN_NAME, CANTEEN_ADDRESS through config.get) heads the page with its address.
  await page.route(/\/trpc\/.*config\.get/, async (route) => {
    const response = await route.fetch();
    const answer = JSON.stringify(await response.json()).replace(/"name":"[^"]*","address":"[^"]*"/, CONFIGURED);
    await route.fulfill({ response, json: JSON.parse(answer) });
  });
  await page.reload();
  await expect(letterhead).toContainText('Kantine Nord');
  await expect(letterhead).toContainText('Hauptstraße 1, 10115 Berlin');
});

test('a refunded receipt says when and why, on a phone and on paper', async ({ page, request }) => {
  const { user, order } = await personWithAnOrder(request);
  await refundOrder(request, order.id, 'The soup was cold');
  await page.setViewportSize({ width: 390, height: 844 });
  const receipt = await openReceipt(page, user, order.id);
  await expect(receipt.getByText(/^Refunded .*\d{4}/)).toBeVisible();
  await expect(receipt.getByText('Reason: The soup was cold')).toBeVisible();
  expect(await horizontalOverflow(page)).toBe(0);

  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: A4_PORTRAIT, height: 1_000 });
  await expect(receipt.getByTestId('letterhead')).toHaveText('Canteen');
  await expect(receipt.getByText('Reason: The soup was cold')).toBeVisible();
  await expectWithin(receipt.getByTestId('order-total'), A4_PORTRAIT, 'the total');
});
