// Renders the app's icons (apps/web/public/icons) from the logo with Chromium: `node scripts/icons.mjs` in e2e/.
// A web app manifest wants PNGs at 192 and 512 px, and a "maskable" one with room for the launcher's mask.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.mjs';

const out = fileURLToPath(new URL('../../apps/web/public/icons/', import.meta.url));
const svg = readFileSync(fileURLToPath(new URL('../../apps/web/public/favicon.svg', import.meta.url)), 'utf8');
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage();
const render = async (size, { maskable = false, file }) => {
  await page.setViewportSize({ width: size, height: size });
  // Maskable: a full-bleed square, the glyph within the middle 80 % (the safe zone), no rounded corners.
  const inner = maskable ? svg.replace('rx="8"', 'rx="0"').replace('viewBox="0 0 32 32"', 'viewBox="-4 -4 40 40"') : svg;
  const background = maskable ? '#047857' : 'transparent';
  await page.setContent(
    `<html><body style="margin:0;background:${background}">${inner.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: `${out}${file}`, omitBackground: !maskable });
};
await render(192, { file: 'icon-192.png' });
await render(512, { file: 'icon-512.png' });
await render(512, { file: 'icon-maskable-512.png', maskable: true });
await render(180, { file: 'apple-touch-icon.png', maskable: true });
await browser.close();
