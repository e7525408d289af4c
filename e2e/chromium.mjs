/**
 * How every browser here starts: the machine's Chromium (CHROMIUM_PATH), headless, without the sandbox (CI runs
 * as root) and without background traffic. Used by playwright.config.ts and scripts/screenshots.mjs.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
