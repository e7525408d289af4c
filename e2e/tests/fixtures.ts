import { createHmac } from 'node:crypto';
import { type APIRequestContext, type Page, expect } from '@playwright/test';

export const DEMO_PASSWORD = 'Canteen-Demo-2026';

export const DEMO = {
  admin: { email: 'admin@canteen.test', name: 'Ada Admin' },
  manager: { email: 'manager@canteen.test', name: 'Maya Manager' },
  employee: { email: 'employee@canteen.test', name: 'Eli Employee' },
} as const;

export type DemoRole = keyof typeof DEMO;

/** Signs in through the form and waits for the app shell. */
export const signIn = async (page: Page, role: DemoRole, password = DEMO_PASSWORD): Promise<void> => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(DEMO[role].email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
};

export const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** Unique per run and per call, so tests never collide with demo data or each other. */
export const uniqueSuffix = (): string => `${Date.now().toString(36)}${Math.floor(Math.random() * 1_000)}`.toUpperCase();

type ApiResult<T> = { result?: { data: T }; error?: { message: string } };

/** Calls a tRPC procedure over plain HTTP (the API speaks JSON without a transformer). */
const callApi = async <T>(
  request: APIRequestContext,
  path: string,
  options: { input?: unknown; token?: string; method?: 'GET' | 'POST' },
): Promise<T> => {
  const headers = options.token ? { authorization: `Bearer ${options.token}` } : undefined;
  const response =
    options.method === 'GET'
      ? await request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(options.input ?? {}))}`, { headers })
      : await request.post(`/trpc/${path}`, { data: options.input ?? {}, headers });
  const body = (await response.json()) as ApiResult<T>;
  if (!body.result) throw new Error(`${path} failed: ${body.error?.message ?? response.status()}`);
  return body.result.data;
};

/** Creates a fresh user through the API as the demo admin, so a test can change that account freely. */
export const createUser = async (request: APIRequestContext, role: 'employee' | 'manager' | 'admin' = 'employee') => {
  const password = 'Quiet-Harbour-Maple-Kettle-7';
  const suffix = uniqueSuffix();
  const { accessToken } = await callApi<{ accessToken: string }>(request, 'auth.login', {
    input: { email: DEMO.admin.email, password: DEMO_PASSWORD },
  });
  const departments = await callApi<{ items: { id: string; name: string }[] }>(request, 'department.list', {
    method: 'GET',
    input: { limit: 10 },
    token: accessToken,
  });
  const user = { name: `Robin Roe ${suffix}`, email: `robin.${suffix.toLowerCase()}@canteen.test`, password };
  await callApi(request, 'user.create', {
    token: accessToken,
    input: {
      email: user.email,
      name: user.name,
      employeeNumber: `R-${suffix.slice(-10)}`,
      role,
      departmentId: departments.items[0]?.id ?? null,
      password,
    },
  });
  return user;
};

/** Signs in with any account through the form. */
export const signInAs = async (page: Page, email: string, password: string): Promise<void> => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
};

const base32Decode = (text: string): Buffer => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of text.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => Number.parseInt(byte, 2)));
};

/** RFC 6238 code (SHA-1, 6 digits, 30 s) for the given step offset from now; what an authenticator app shows. */
export const totpCode = (secret: string, stepOffset = 0): string => {
  const counter = Math.floor(Date.now() / 30_000) + stepOffset;
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', base32Decode(secret)).update(message).digest();
  const offset = (digest.at(-1) ?? 0) & 0x0f;
  const value = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, '0');
};

/** Turns on 2FA from the profile page like a person with an authenticator app would; returns the secret. */
export const enrolTotp = async (page: Page): Promise<string> => {
  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  // The previous step's code is still accepted, which leaves the current one unused for a sign-in right after.
  await expect(async () => {
    await page.getByLabel('Code from your app').fill(totpCode(secret, -1));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect(page.getByRole('button', { name: 'Turn off' })).toBeVisible({ timeout: 3_000 });
  }).toPass();
  return secret;
};
