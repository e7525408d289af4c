import { type Page, expect, test } from '@playwright/test';
import { APP_PAGES, DEMO, type DemoRole, apiLogin, placeOrder, settle, signIn, walkTimeout } from './fixtures';

/*
 * Ordering at the counter happens on a phone. At 390 px (an iPhone 12-15) no page may be wider than the screen,
 * and nothing may hide in a sideways scroller (row actions off-screen with no hint) except the rows of chips and
 * tabs that are made to scroll (`data-scroll-x`).
 */
test.use({ viewport: { width: 390, height: 844 } });

/** What sticks out: the page's own overflow, and every sideways scroller whose content is wider than it. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    const scrollers = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => {
        const { overflowX } = getComputedStyle(element);
        return (
          (overflowX === 'auto' || overflowX === 'scroll') &&
          element.scrollWidth > element.clientWidth + 1 &&
          !element.closest('[data-scroll-x]')
        );
      })
      .map(
        (element) =>
          `${element.tagName.toLowerCase()} ${element.querySelector('caption')?.textContent ?? element.getAttribute('aria-label') ?? ''} ${element.scrollWidth}>${element.clientWidth}`,
      );
    return { pageOverflow: root.scrollWidth - root.clientWidth, scrollers };
  });

const expectFits = async (page: Page, what: string) => {
  // Settled: no spinner left, so the rows that could overflow are there.
  await settle(page);
  expect(await overflow(page), what).toEqual({ pageOverflow: 0, scrollers: [] });
};

for (const role of Object.keys(APP_PAGES) as DemoRole[]) {
  test(`every ${role} page fits a 390 px phone`, async ({ page }) => {
    test.setTimeout(walkTimeout(APP_PAGES[role].length));
    await signIn(page, role);
    for (const path of APP_PAGES[role]) {
      await page.goto(path);
      await expectFits(page, `${role} ${path}`);
    }
  });
}

test('pages reached from lists fit too: a receipt, a person, a statement, an audit entry opened', async ({ page, request }) => {
  const token = await apiLogin(request, DEMO.employee.email);
  const order = await placeOrder(request, token, [{ productName: 'Cappuccino', quantity: 1 }]);
  await signIn(page, 'employee');
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByRole('heading', { name: /Order/ }).first()).toBeVisible();
  await expectFits(page, 'receipt');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'admin');
  await page.goto('/people');
  await page.getByRole('searchbox', { name: 'Search people' }).fill(DEMO.employee.name);
  await page.getByRole('link', { name: DEMO.employee.name }).first().click();
  await expect(page.getByRole('heading', { name: DEMO.employee.name })).toBeVisible();
  await expectFits(page, 'person');
  const personId = new URL(page.url()).pathname.split('/').at(-1);
  await page.goto(`/reports/statement?userId=${personId}`);
  await expect(page.getByRole('heading', { name: 'Monthly statement' })).toBeVisible();
  await expectFits(page, 'statement');
  await page.goto('/admin/audit');
  await page
    .getByRole('button', { name: /^Show changes/ })
    .first()
    .click();
  await expectFits(page, 'audit entry opened');
});

test('the till keeps the order in sight on a phone', async ({ page }) => {
  await signIn(page, 'manager');
  await page.goto('/till');
  await page.getByRole('button', { name: /^Add/ }).first().click();
  const bar = page.getByTestId('till-bar-summary');
  await expect(bar).toBeInViewport();
  await expect(bar).toContainText('1 dish');
  await page.getByRole('button', { name: 'Review order' }).click();
  await expect(page.getByRole('list', { name: 'Dishes in this order' })).toBeInViewport();
});
