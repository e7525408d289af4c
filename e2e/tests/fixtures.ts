import type { AppRouter } from '@canteen/api/trpc';
import { type APIRequestContext, type Locator, type Page, type Request, expect } from '@playwright/test';
import { createTRPCClient, httpLink } from '@trpc/client';
import { Secret, TOTP } from 'otpauth';

export const DEMO_PASSWORD = 'Canteen-Demo-2026';

export const DEMO = {
  admin: { email: 'admin@canteen.test', name: 'Ada Admin' },
  manager: { email: 'manager@canteen.test', name: 'Maya Manager' },
  employee: { email: 'employee@canteen.test', name: 'Eli Employee' },
  kitchen: { email: 'kitchen@canteen.test', name: 'Kai Kitchen' },
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

/** Picks someone in a person picker (`label`, within `scope`): opens it, searches the name and takes the match. */
export const pickPerson = async (page: Page, scope: Page | Locator, label: string, name: string): Promise<void> => {
  await scope.getByLabel(label).click();
  await page.getByRole('combobox', { name: 'Search people' }).fill(name);
  await page
    .getByRole('listbox', { name: 'Matching people' })
    .getByRole('option', { name: new RegExp(name) })
    .click();
};

/** Unique per run and per call, so tests never collide with demo data or each other. */
export const uniqueSuffix = (): string => `${Date.now().toString(36)}${Math.floor(Math.random() * 1_000)}`.toUpperCase();

/**
 * The typed API client, as the web app has it: plain JSON over HTTP, sent through Playwright's request context
 * (so calls resolve against the app's baseURL and show in traces). `token` signs the calls in.
 */
export const apiClient = (request: APIRequestContext, token?: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: '/trpc',
        headers: token ? { authorization: `Bearer ${token}` } : {},
        fetch: async (url, init) => {
          const response = await request.fetch(String(url), {
            method: init?.method ?? 'GET',
            headers: Object.fromEntries(new Headers(init?.headers as HeadersInit | undefined)),
            data: init?.body ?? undefined,
          });
          return new Response(await response.text(), { status: response.status(), headers: response.headers() });
        },
      }),
    ],
  });

/** An access token for an account, straight from the API (no browser). */
export const apiLogin = async (request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<string> => {
  const { accessToken } = await apiClient(request).auth.login.mutate({ email, password });
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
  const api = apiClient(request, await apiLogin(request, DEMO.admin.email));
  const departments = await api.department.list.query({ limit: 100 });
  const department = options.department
    ? departments.items.find((item) => item.name === options.department)
    : departments.items[0];
  if (options.department && !department) throw new Error(`No department named ${options.department}`);
  const user = { name: `Robin Roe ${suffix}`, email: `robin.${suffix.toLowerCase()}@canteen.test`, password };
  const created = await api.user.create.mutate({
    email: user.email,
    name: user.name,
    employeeNumber: `R-${suffix.slice(-10)}`,
    role,
    departmentId: department?.id ?? null,
    password,
  });
  return { id: created.id, ...user };
};

/** Credits a wallet as the demo admin from the named payer; `daysAgo` dates the money (older is spent first). */
export const creditWallet = async (
  request: APIRequestContext,
  userId: string,
  credit: { payer: string; amountCents: number; daysAgo?: number },
): Promise<void> => {
  const api = apiClient(request, await apiLogin(request, DEMO.admin.email));
  const payer = (await api.payer.list.query()).find((item) => item.name === credit.payer);
  if (!payer) throw new Error(`No payer named ${credit.payer}`);
  const occurredAt = new Date(Date.now() - (credit.daysAgo ?? 0) * 86_400_000).toISOString();
  await api.wallet.credit.mutate({ userId, payerId: payer.id, amountCents: credit.amountCents, occurredAt, note: 'Test credit' });
};

/** A wallet's total in cents, read through the API with the owner's (or a manager's) token. */
export const walletTotal = async (request: APIRequestContext, token: string, userId?: string): Promise<number> => {
  const balance = await apiClient(request, token).wallet.balance.query(userId ? { userId } : {});
  return balance.totalCents;
};

/** Starts a card top-up through the API as `token`'s owner (it stays pending until someone pays its checkout). */
export const startTopUp = async (
  request: APIRequestContext,
  token: string,
  amountCents: number,
): Promise<{ paymentId: string; checkoutUrl: string }> => apiClient(request, token).payment.createTopUp.mutate({ amountCents });

/** Places an order through the API as `token`'s owner; returns its id and total. */
export const placeOrder = async (
  request: APIRequestContext,
  token: string,
  items: { productName: string; quantity: number }[],
): Promise<{ id: string; totalCents: number }> => {
  const api = apiClient(request, token);
  const lines = [];
  for (const item of items) {
    const page = await api.product.list.query({ limit: 5, search: item.productName });
    const product = page.items.find((candidate) => candidate.name === item.productName);
    if (!product) throw new Error(`No dish named ${item.productName}`);
    lines.push({ productId: product.id, quantity: item.quantity });
  }
  return api.order.place.mutate({ items: lines, idempotencyKey: `test-${uniqueSuffix()}` });
};

/** Refunds an order through the API as the demo manager (the order's person must be in their department). */
export const refundOrder = async (request: APIRequestContext, orderId: string, reason?: string): Promise<void> => {
  const api = apiClient(request, await apiLogin(request, DEMO.manager.email));
  await api.order.refund.mutate(reason ? { orderId, reason } : { orderId });
};

/** Creates a department through the API as the demo admin; returns its name. */
export const createDepartment = async (request: APIRequestContext): Promise<string> => {
  const suffix = uniqueSuffix();
  const api = apiClient(request, await apiLogin(request, DEMO.admin.email));
  const name = `Bakery ${suffix}`;
  await api.department.create.mutate({ name, code: `B${suffix.slice(-8)}` });
  return name;
};

/** Creates a daily dish (`isScheduled`: served on the days of the menu plan) through the API as the demo manager. */
export const createDailyDish = async (
  request: APIRequestContext,
  name = `Lentil Dal ${uniqueSuffix()}`,
  fields: Partial<Parameters<ReturnType<typeof apiClient>['product']['create']['mutate']>[0]> = {},
): Promise<{ id: string; name: string }> => {
  const api = apiClient(request, await apiLogin(request, DEMO.manager.email));
  const [category] = await api.category.list.query();
  if (!category) throw new Error('No category to put a dish in');
  const dish = await api.product.create.mutate({
    name,
    description: 'Red lentils, coconut and spinach.',
    priceCents: 650,
    categoryId: category.id,
    allergens: [],
    dietaryTags: ['vegan'],
    isScheduled: true,
    ...fields,
  });
  return { id: dish.id, name: dish.name };
};

/** The menu plan of the week of `day` as `token`'s owner sees it: employees the published days only. */
export const planWeek = async (request: APIRequestContext, token: string, day: string) =>
  apiClient(request, token).plan.week.query({ day });

/** Puts a daily dish on a day of the menu plan (a draft) through the API as the demo manager. */
export const planDish = async (
  request: APIRequestContext,
  input: { day: string; productId: string; plannedQuantity: number | null; isNew?: boolean; isChefsChoice?: boolean },
): Promise<void> => {
  await apiClient(request, await apiLogin(request, DEMO.manager.email)).plan.setDish.mutate(input);
};

/** Publishes every day with dishes of the week of `day` through the API as the demo manager. */
export const publishPlanWeek = async (request: APIRequestContext, day: string): Promise<void> => {
  await apiClient(request, await apiLogin(request, DEMO.manager.email)).plan.publish.mutate({ day, isPublished: true });
};

/** Orders a dish for a later pickup day through the API as `token`'s owner. */
export const preOrder = async (
  request: APIRequestContext,
  token: string,
  order: { productId: string; quantity: number; pickupDay: string },
): Promise<void> => {
  await apiClient(request, token).order.place.mutate({
    items: [{ productId: order.productId, quantity: order.quantity }],
    pickupDay: order.pickupDay,
    idempotencyKey: `test-${uniqueSuffix()}`,
  });
};

/** Every weekday's active pickup slots, as the API lists them. */
export const slotWeek = async (request: APIRequestContext, token: string) => apiClient(request, token).slot.week.query();

/** A calendar day (`YYYY-MM-DD`) `days` after today in the canteen's zone (UTC in these tests: the API's default). */
export const dayFromToday = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Money as shown by the app ("€12.50", "-€3.00", "−€3.00") in integer cents. */
export const cents = (text: string | null): number => {
  const cleaned = (text ?? '').replace(/\s/g, '');
  const match = /([-−]?)[^\d]*(\d+(?:,\d{3})*)[.,](\d{2})/.exec(cleaned);
  if (!match) throw new Error(`Not an amount: ${text}`);
  const [, sign, whole = '0', fraction = '0'] = match;
  const value = Number(whole.replace(/,/g, '')) * 100 + Number(fraction);
  return sign ? -value : value;
};

/** Signs out through the header and waits until the sign-out has finished (the sign-in page shows). */
export const signOut = async (page: Page): Promise<void> => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Canteen' })).toBeVisible();
};

/** Signs in with any account through the form. */
export const signInAs = async (page: Page, email: string, password: string): Promise<void> => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
};

/** The code an authenticator app shows (SHA-1, 6 digits, 30 s, as the API enrols), `stepOffset` steps from now. */
export const totpCode = (secret: string, stepOffset = 0): string =>
  new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + stepOffset * 30_000,
  });

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

/** Every page of the app by the role that sees it, for the checks that visit them all (phone widths, axe in both themes). */
export const APP_PAGES: Record<DemoRole, string[]> = {
  employee: ['/menu', '/menu?q=curry&diet=["vegan"]', '/cart', '/orders', '/wallet', '/news', '/profile', '/no-such-page'],
  manager: [
    '/kitchen',
    '/till',
    '/products',
    '/plan',
    '/reports',
    '/reports?tab=orders',
    '/reports?tab=statements',
    '/credits',
    '/people',
    '/reviews',
  ],
  admin: ['/admin/users', '/admin/departments', '/admin/payments', '/admin/audit', '/admin/settings', '/news/new'],
  kitchen: ['/kitchen', '/profile'],
};

/**
 * The time a test that walks pages one after the other may take: each page settles and is checked (axe alone
 * takes 2–3 s a page on 2 busy cores), so a fixed 30 s failed the 8 and 10-page walks on a slower run although
 * every page passed. The budget grows with the walk; it bounds a hang, it does not time the app.
 */
export const walkTimeout = (pages: number): number => 20_000 + pages * 10_000;

/** The live-events stream (server-sent events) stays open for as long as the page: it never "finishes". */
const isLiveStream = (request: Request): boolean => request.url().includes('/trpc/live.events');

/**
 * Waits until no request but the live stream has been in flight for `quietMs` (Playwright's `networkidle` would
 * wait for the stream to end, which it never does).
 */
export const quietNetwork = async (page: Page, quietMs = 500, timeoutMs = 15_000): Promise<void> => {
  const inFlight = new Set<Request>();
  let lastChange = Date.now();
  const onStart = (request: Request) => {
    if (isLiveStream(request)) return;
    inFlight.add(request);
    lastChange = Date.now();
  };
  const onEnd = (request: Request) => {
    if (inFlight.delete(request)) lastChange = Date.now();
  };
  page.on('request', onStart);
  page.on('requestfinished', onEnd);
  page.on('requestfailed', onEnd);
  try {
    await expect
      .poll(() => inFlight.size === 0 && Date.now() - lastChange >= quietMs, { timeout: timeoutMs, intervals: [100] })
      .toBe(true);
  } finally {
    page.off('request', onStart);
    page.off('requestfinished', onEnd);
    page.off('requestfailed', onEnd);
  }
};

/** A page that has finished loading: no request in flight, no spinner, nothing marked busy. */
export const settle = async (page: Page): Promise<void> => {
  await page.waitForLoadState('load');
  await quietNetwork(page);
  await expect(page.getByRole('status', { name: /Loading/ })).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
};
