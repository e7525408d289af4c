// What the README screenshot scripts share: where the app runs and where the images go (`node <script>
// [baseUrl] [outDir]`), the demo password, and a small tRPC-over-HTTP client to set the scene through the API.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE = process.argv[2] ?? process.env.BASE_URL ?? 'http://localhost:3100';
export const OUT = resolve(process.argv[3] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots'));
export const PASSWORD = 'Canteen-Demo-2026';
mkdirSync(OUT, { recursive: true });

/** A procedure called as the web app does: queries by GET, mutations by POST; throws with the API's message. */
export const call = async (path, { token, input, method = 'POST' } = {}) => {
  const url =
    method === 'GET' ? `${BASE}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input ?? {}))}` : `${BASE}/trpc/${path}`;
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(method === 'POST' ? { body: JSON.stringify(input ?? {}) } : {}),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`${path}: ${JSON.stringify(body.error?.message ?? body)}`);
  return body.result.data;
};

/** An access token for a demo account. */
export const login = async (email) => (await call('auth.login', { input: { email, password: PASSWORD } })).accessToken;

/** A screenshot of the viewport as `<name>.png` in OUT, fonts loaded, no hover, no caret, no animation. */
export const shot = async (page, name) => {
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: false, animations: 'disabled', caret: 'hide' });
  console.log('wrote', `${OUT}/${name}.png`);
};

/** Signs a demo account in through the form and waits for the app. */
export const signIn = async (page, email) => {
  await page.goto(`${BASE}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).first().waitFor();
};
