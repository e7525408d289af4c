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

/** An access token for an account, straight from the API (no browser). */
export const apiLogin = async (request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<string> => {
  const { accessToken } = await callApi<{ accessToken: string }>(request, 'auth.login', { input: { email, password } });
  return accessToken;
};

export type CreatedUser = { id: string; name: string; email: string; password: string };

/**
 * Creates a fresh user through the API as the demo admin, so a test can change that account (and spend its
 * money) freely. `department` is a department name; by default the first one by name.
 */
export const createUser = async (
  request: APIRequestContext,
  role: 'employee' | 'manager' | 'admin' = 'employee',
  options: { department?: string } = {},
): Promise<CreatedUser> => {
  const password = 'Quiet-Harbour-Maple-Kettle-7';
  const suffix = uniqueSuffix();
  const accessToken = await apiLogin(request, DEMO.admin.email);
  const departments = await callApi<{ items: { id: string; name: string }[] }>(request, 'department.list', {
    method: 'GET',
    input: { limit: 100 },
    token: accessToken,
  });
  const department = options.department
    ? departments.items.find((item) => item.name === options.department)
    : departments.items[0];
  if (options.department && !department) throw new Error(`No department named ${options.department}`);
  const user = { name: `Robin Roe ${suffix}`, email: `robin.${suffix.toLowerCase()}@canteen.test`, password };
  const created = await callApi<{ id: string }>(request, 'user.create', {
    token: accessToken,
    input: {
      email: user.email,
      name: user.name,
      employeeNumber: `R-${suffix.slice(-10)}`,
      role,
      departmentId: department?.id ?? null,
      password,
    },
  });
  return { id: created.id, ...user };
};

type PayerRow = { id: string; name: string; kind: string };

/** Credits a wallet as the demo admin from the named payer; `daysAgo` dates the money (older is spent first). */
export const creditWallet = async (
  request: APIRequestContext,
  userId: string,
  credit: { payer: string; amountCents: number; daysAgo?: number },
): Promise<void> => {
  const token = await apiLogin(request, DEMO.admin.email);
  const payers = await callApi<PayerRow[]>(request, 'payer.list', { method: 'GET', token });
  const payer = payers.find((item) => item.name === credit.payer);
  if (!payer) throw new Error(`No payer named ${credit.payer}`);
  const occurredAt = new Date(Date.now() - (credit.daysAgo ?? 0) * 86_400_000).toISOString();
  await callApi(request, 'wallet.credit', {
    token,
    input: { userId, payerId: payer.id, amountCents: credit.amountCents, occurredAt, note: 'Test credit' },
  });
};

/** A wallet's total in cents, read through the API with the owner's (or a manager's) token. */
export const walletTotal = async (request: APIRequestContext, token: string, userId?: string): Promise<number> => {
  const balance = await callApi<{ totalCents: number }>(request, 'wallet.balance', {
    method: 'GET',
    token,
    input: userId ? { userId } : {},
  });
  return balance.totalCents;
};

/** Places an order through the API as `token`'s owner; returns its id and total. */
export const placeOrder = async (
  request: APIRequestContext,
  token: string,
  items: { productName: string; quantity: number }[],
): Promise<{ id: string; totalCents: number }> => {
  const lines = [];
  for (const item of items) {
    const page = await callApi<{ items: { id: string; name: string }[] }>(request, 'product.list', {
      method: 'GET',
      token,
      input: { limit: 5, search: item.productName },
    });
    const product = page.items.find((candidate) => candidate.name === item.productName);
    if (!product) throw new Error(`No dish named ${item.productName}`);
    lines.push({ productId: product.id, quantity: item.quantity });
  }
  return callApi(request, 'order.place', { token, input: { items: lines, idempotencyKey: `test-${uniqueSuffix()}` } });
};

/** Creates a department through the API as the demo admin; returns its name. */
export const createDepartment = async (request: APIRequestContext): Promise<string> => {
  const suffix = uniqueSuffix();
  const token = await apiLogin(request, DEMO.admin.email);
  const name = `Bakery ${suffix}`;
  await callApi(request, 'department.create', { token, input: { name, code: `B${suffix.slice(-8)}` } });
  return name;
};

/** Money as shown by the app ("€12.50", "-€3.00", "−€3.00") in integer cents. */
export const cents = (text: string | null): number => {
  const cleaned = (text ?? '').replace(/\s/g, '');
  const match = /([-−]?)[^\d]*(\d+(?:,\d{3})*)[.,](\d{2})/.exec(cleaned);
  if (!match) throw new Error(`Not an amount: ${text}`);
  const [, sign, whole = '0', fraction = '0'] = match;
  const value = Number(whole.replace(/,/g, '')) * 100 + Number(fraction);
  return sign ? -value : value;
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
