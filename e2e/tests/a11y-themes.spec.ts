import { AxeBuilder } from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { APP_PAGES, type DemoRole, settle, signIn, walkTimeout } from './fixtures';

/*
 * Every page, in the light and the dark theme, has no axe violations at all (any impact, WCAG 2.1 A and AA and
 * best practice), contrast included: the dark theme is the same palette mirrored, and this proves it reads.
 */

const violations = async (page: Page) => {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
  }));
};

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the sign-in page', async ({ page }) => {
      await page.goto('/login');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    for (const role of Object.keys(APP_PAGES) as DemoRole[]) {
      test(`every ${role} page`, async ({ page }) => {
        test.setTimeout(walkTimeout(APP_PAGES[role].length));
        await signIn(page, role);
        for (const path of APP_PAGES[role]) {
          await page.goto(path);
          await settle(page);
          expect(await violations(page), `${role} ${path} (${colorScheme})`).toEqual([]);
        }
      });
    }

    test('open states: the menu filters, an audit entry, a split wallet row', async ({ page }) => {
      await signIn(page, 'admin');
      await page.goto('/admin/audit');
      await page
        .getByRole('button', { name: /^Show changes/ })
        .first()
        .click();
      await settle(page);
      expect(await violations(page), `audit entry (${colorScheme})`).toEqual([]);
      await page.goto('/menu');
      await page.getByRole('button', { name: 'Free from' }).click();
      await expect(page.getByRole('dialog', { name: 'Free from allergens' })).toBeVisible();
      expect(await violations(page), `menu filters (${colorScheme})`).toEqual([]);
    });
  });
}
