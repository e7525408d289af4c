import type { MikroORM } from '@mikro-orm/postgresql';
import { ledgerViolations as checkLedger, summaryDrift as checkSummaries } from '@canteen/db';
import { pino } from 'pino';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Category,
  Department,
  Payer,
  User,
  buildCategory,
  buildDepartment,
  buildLot,
  buildPayer,
  buildProduct,
  buildUser,
  hashPassword,
  newId,
} from '@canteen/db';
import {
  DEFAULT_MANAGER_DAILY_CREDIT_LIMIT_CENTS,
  DEFAULT_ORDER_MAX_TOTAL_CENTS,
  type Allergen,
  type DietaryTag,
  type Role,
  addDays,
  dayIn,
  isoWeekday,
} from '@canteen/shared';
import type { Deps } from '../src/deps';
import { type Jobs, startJobs } from '../src/lib/jobs';
import type { Payments } from '../src/modules/payment/payments';
import { createSandboxProvider } from '../src/modules/payment/providers/sandbox';
import { createLiveHub, createLocalWaker, type LiveHub } from '../src/lib/live';
import { createUnsubscribeTokens } from '../src/modules/notification/notification.emails';
import { createNotifier, type Notifier } from '../src/modules/notification/notifier';
import { createLoginGuard, type LoginPolicy } from '../src/lib/login-guard';
import { createMemoryMenuCache, type MenuCache } from '../src/lib/menu-cache';
import { createRateLimits } from '../src/lib/rate-limit';
import type { RecentWrites } from '../src/lib/replica';
import { createSettingsStore } from '../src/lib/settings';
import { createTokenSigner, type TokenSigner } from '../src/lib/tokens';
import { createUserCache, type UserCache } from '../src/lib/user-cache';
import { userForAccessToken } from '../src/modules/auth/auth.service';
import { appRouter } from '../src/trpc/app-router';
import { createContextInner, type ClientInfo } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/init';
import { getTestOrm } from './db';

export const TEST_PASSWORD = 'Correct-Horse-Battery-42';
export const silentLogger = pino({ level: 'silent' });
export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

const createCaller = createCallerFactory(appRouter);

let redis: Redis | null | undefined;
/** Real Redis when the run has REDIS_URL (CI does), otherwise in-memory limits. */
const testRedis = (): Redis | undefined => {
  if (redis === undefined) {
    const url = inject('redisUrl');
    redis = url ? new Redis(url, { maxRetriesPerRequest: 2 }) : null;
  }
  return redis ?? undefined;
};

export const TEST_SANDBOX_SECRET = 'sandbox-test-secret-0123456789abcdef0123456789';

let jobs: Promise<Jobs> | undefined;
/** pg-boss on this worker's database, started on first use; `schema` gives a test its own queues. */
export const startTestJobs = async (schema = 'pgboss'): Promise<Jobs> => {
  const orm = await getTestOrm();
  return startJobs({ connectionString: orm.config.get('clientUrl'), logger: silentLogger, pollingIntervalSeconds: 0.5, schema });
};
const sharedJobs = (): Promise<Jobs> => (jobs ??= startTestJobs());
/** Stops the shared job queue if a test started it (setup.ts, after the file). */
export const stopTestJobs = async () => {
  if (jobs) await (await jobs).stop();
  jobs = undefined;
};
const lazyJobs: Jobs = {
  send: async (name, data, options) => (await sharedJobs()).send(name, data, options),
  work: async (name, handler) => (await sharedJobs()).work(name, handler),
  schedule: async (name, cron, tz) => (await sharedJobs()).schedule(name, cron, tz),
  backlog: async (name) => (await sharedJobs()).backlog(name),
  stop: stopTestJobs,
};

/** Card top-ups with the sandbox provider (webhooks go to `webhookUrl` when a test delivers them). */
export const createTestPayments = (overrides: Partial<Payments> & { webhookUrl?: () => string } = {}): Payments => {
  const jobQueue = overrides.jobs ?? lazyJobs;
  return {
    provider: createSandboxProvider({
      secret: TEST_SANDBOX_SECRET,
      jobs: jobQueue,
      webhookUrl: overrides.webhookUrl ?? (() => 'http://127.0.0.1:9/webhooks/payments/sandbox'),
    }),
    jobs: jobQueue,
    limits: { minCents: 500, maxCents: 20_000, dailyLimitCents: 50_000, checkoutExpiryMinutes: 30 },
    returnUrl: (paymentId) => `/top-up/return?payment=${paymentId}`,
    ...overrides,
  };
};

export const createTestDeps = (
  overrides: {
    loginPerMinute?: number;
    apiPerMinute?: number;
    mutationsPerMinute?: number;
    tokens?: TokenSigner;
    users?: UserCache;
    menuCache?: MenuCache;
    managerDailyCreditLimitCents?: number;
    loginPolicy?: Partial<LoginPolicy>;
    payments?: Payments;
    recentWrites?: RecentWrites;
    live?: LiveHub;
    notifier?: Notifier;
  } = {},
): Deps => ({
  tokens: overrides.tokens ?? createTokenSigner(TEST_SECRET, 600),
  users: overrides.users ?? createUserCache(),
  rateLimits: createRateLimits(
    {
      loginPerMinute: overrides.loginPerMinute ?? 1000,
      apiPerMinute: overrides.apiPerMinute ?? 100_000,
      mutationsPerMinute: overrides.mutationsPerMinute ?? 100_000,
    },
    testRedis(),
    // Own budgets per deps: in a shared Redis, other tests and other runs never spend them.
    `canteen:test:${newId()}:rl`,
  ),
  // The production policy unless a test asks otherwise, so the lockout tests exercise the real numbers.
  loginGuard: createLoginGuard(overrides.loginPolicy, testRedis(), `canteen:test:${newId()}:login`),
  settings: createSettingsStore(),
  refreshTtlDays: 14,
  menuCache: overrides.menuCache ?? createMemoryMenuCache(),
  payments: overrides.payments ?? createTestPayments(),
  recentWrites: overrides.recentWrites ?? null,
  // In-process wakes on this worker's database: subscriptions in tests hear this process's commits at once.
  live:
    overrides.live ??
    createLiveHub({ forkEm: async () => (await getTestOrm()).em.fork(), waker: createLocalWaker(), logger: silentLogger }),
  notifier: overrides.notifier ?? createNotifier({ jobs: lazyJobs, isEmailAvailable: false }),
  unsubscribeTokens: createUnsubscribeTokens(TEST_SECRET),
  canteen: { name: 'Test Canteen', address: '1 Test Street, Testville', currency: 'EUR', timeZone: 'Europe/Berlin' },
  limits: {
    orderMaxTotalCents: DEFAULT_ORDER_MAX_TOTAL_CENTS,
    managerDailyCreditLimitCents: overrides.managerDailyCreditLimitCents ?? DEFAULT_MANAGER_DAILY_CREDIT_LIMIT_CENTS,
  },
});

/** A cookie jar standing in for the browser; `origin` decides whether the Origin check passes. */
export const createClient = (
  overrides: Partial<ClientInfo> & { cookie?: string } = {},
): ClientInfo & { jar: { cookie?: string | undefined } } => {
  const jar: { cookie?: string | undefined } = { cookie: overrides.cookie };
  return {
    requestId: newId(),
    // A fresh address per client keeps rate-limit buckets apart between tests.
    ip: `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    userAgent: 'vitest',
    isOriginTrusted: true,
    readRefreshToken: () => jar.cookie,
    writeRefreshToken: (token) => {
      jar.cookie = token;
    },
    clearRefreshToken: () => {
      jar.cookie = undefined;
    },
    ...overrides,
    jar,
  };
};

type CallerOptions = { user?: User | null; deps?: Deps; client?: ClientInfo; accessToken?: string };

/** A tRPC caller over a fresh EntityManager fork, as one HTTP request would get. */
export const createTestCaller = async (options: CallerOptions = {}) => {
  const orm = await getTestOrm();
  const em = orm.em.fork();
  const deps = options.deps ?? createTestDeps();
  let user: User | null = options.user ? await em.findOne(User, options.user.id, { populate: ['department'] }) : null;
  if (options.accessToken) user = await userForAccessToken({ em, deps }, options.accessToken);
  return createCaller(createContextInner({ em, user, logger: silentLogger, client: options.client ?? createClient(), deps }));
};

let passwordHash: Promise<string> | undefined;

/** Builds through the shared factories (packages/db/src/factories.ts, also used by the demo seed) and flushes. */
const persist = async <T extends object>(orm: MikroORM, build: (em: EntityManager) => T): Promise<T> => {
  const em = orm.em.fork();
  const entity = build(em);
  await em.flush();
  return entity;
};

export const makeDepartment = (orm: MikroORM, fields: Partial<{ name: string; code: string }> = {}) =>
  persist(orm, (em) => buildDepartment(em, fields));

export const makeUser = async (
  orm: MikroORM,
  fields: Partial<{ role: Role; department: Department | null; email: string; name: string; isActive: boolean }> = {},
) => {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const role = fields.role ?? 'employee';
  const department = fields.department === undefined ? (role === 'admin' ? null : await makeDepartment(orm)) : fields.department;
  return persist(orm, (em) =>
    buildUser(em, {
      ...fields,
      role,
      department: department ? em.getReference(Department, department.id) : null,
      passwordHash: hash,
      passwordChangedAt: null,
    }),
  );
};

/** Staff of each role sharing one department, for authorization tests. */
export const makeCast = async (orm: MikroORM) => {
  const department = await makeDepartment(orm);
  return {
    department,
    employee: await makeUser(orm, { role: 'employee', department }),
    manager: await makeUser(orm, { role: 'manager', department }),
    admin: await makeUser(orm, { role: 'admin' }),
    kitchen: await makeUser(orm, { role: 'kitchen' }),
  };
};

export { getTestOrm };

/** A fresh idempotency key for `order.place`. */
export const newIdempotencyKey = () => `key-${newId()}`;

export const makeCategory = (orm: MikroORM, name?: string) => persist(orm, (em) => buildCategory(em, name ? { name } : {}));

export const makeProduct = async (
  orm: MikroORM,
  fields: Partial<{
    name: string;
    description: string;
    priceCents: number;
    stock: number | null;
    isActive: boolean;
    category: Category;
    allergens: Allergen[];
    dietaryTags: DietaryTag[];
    isScheduled: boolean;
  }> = {},
) => {
  const category = fields.category ?? (await makeCategory(orm));
  return persist(orm, (em) => buildProduct(em, { ...fields, category: em.getReference(Category, category.id) }));
};

export const makePayer = (
  orm: MikroORM,
  fields: Partial<{ name: string; kind: 'company' | 'department' | 'personal' | 'promo'; department: Department | null }> = {},
) =>
  persist(orm, (em) =>
    buildPayer(em, { ...fields, department: fields.department ? em.getReference(Department, fields.department.id) : null }),
  );

/** A credit straight into the ledger (a lot), for arranging wallets in tests. */
export const fund = (orm: MikroORM, user: User, payer: Payer, amountCents: number, occurredAt = new Date()) =>
  persist(orm, (em) =>
    buildLot(em, {
      user: em.getReference(User, user.id),
      payer: em.getReference(Payer, payer.id),
      amountCents,
      occurredAt,
      note: 'test funding',
    }),
  );

/** The ledger invariant (packages/db/src/integrity): per user and payer, entries equal what is left, and >= 0. */
export const ledgerViolations = async (orm: MikroORM) => checkLedger(orm.em.fork());

/** The report summaries' invariant (packages/db/src/integrity): the disagreeing rows per summary. */
export const summaryDrift = async (orm: MikroORM) => checkSummaries(orm.em.fork());

export const NO_SUMMARY_DRIFT = { sales: [], dishes: [], dishMonths: [], funding: [], months: [] };

/** Tomorrow in the test canteen's zone (its cut-off is always ahead), and its ISO weekday. */
export const tomorrowOf = (deps: Pick<Deps, 'canteen'>): { day: string; weekday: number } => {
  const day = addDays(dayIn(new Date(), deps.canteen.timeZone), 1);
  return { day, weekday: isoWeekday(day) };
};

/** The typed reason (`cause.reason`) a call was refused with, or undefined when it went through. */
export const reasonOf = async (promise: Promise<unknown>): Promise<string | undefined> => {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { cause?: { reason?: string } }).cause?.reason;
  }
};

/** The tRPC code (`BAD_REQUEST`, …) a call was refused with, or undefined when it went through. */
export const codeOf = async (promise: Promise<unknown>): Promise<string | undefined> => {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

/** A single count from SQL (`select count(*) as n …`). */
export const countOf = async (orm: MikroORM, sql: string, params: unknown[] = []): Promise<number> =>
  Number((await orm.em.fork().getConnection().execute<{ n: string }[]>(sql, params))[0]!.n);
