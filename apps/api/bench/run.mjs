// `pnpm bench`: loads a large history into its own embedded database (or BENCH_DATABASE_URL) with the set-based
// generator (`cli.js generate`: BENCH_ORDERS, default 1,000,000 orders by BENCH_EMPLOYEES 10,000 people over
// 300 dishes; BENCH_ORDERS=0 skips it), starts the BUILT API on it, then measures hot endpoints and every
// report with autocannon from this process. Prints requests/s and latency percentiles; asserts nothing.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort } from '../../../scripts/lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.BENCH_PORT ?? (await freePort()));
const base = `http://127.0.0.1:${port}`;
const duration = Number(process.env.BENCH_SECONDS ?? 8);

const serverEnv = {
  ...process.env,
  NODE_ENV: 'production',
  PORT: String(port),
  LOG_LEVEL: 'error',
  DATA_DIR: process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'canteen-bench-')),
  ...(process.env.BENCH_DATABASE_URL
    ? { DATABASE_URL: process.env.BENCH_DATABASE_URL, SEED_DEMO: '1', JWT_SECRET: 'bench-secret-0123456789-0123456789-0123' }
    : {}),
  RATE_LIMIT_API_PER_MINUTE: '100000000',
  RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000000',
  RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
};

const orders = Number(process.env.BENCH_ORDERS ?? 1_000_000);
if (orders > 0) {
  const started = performance.now();
  const generated = spawnSync(
    process.execPath,
    [
      join(here, '..', 'dist', 'cli.js'),
      'generate',
      `--orders=${orders}`,
      `--employees=${process.env.BENCH_EMPLOYEES ?? 10_000}`,
      `--dishes=${process.env.BENCH_DISHES ?? 300}`,
      `--days=${process.env.BENCH_DAYS ?? 365}`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...serverEnv, LOG_LEVEL: 'info' } },
  );
  if (generated.status !== 0) throw new Error('generating the history failed');
  console.log(
    `history of ${orders} orders loaded in ${((performance.now() - started) / 1000).toFixed(1)} s (incl. database start)`,
  );
}

const server = spawn(process.execPath, [join(here, '..', 'dist', 'main.js')], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: serverEnv,
});

const waitReady = async () => {
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(`${base}/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('API did not become ready');
};

const measure = (title, options) =>
  new Promise((resolve, reject) => {
    const { path, ...rest } = options;
    autocannon({ url: `${base}${path}`, connections: 20, duration, ...rest }, (error, result) => {
      if (error) return reject(error);
      const row = {
        benchmark: title,
        'req/s': Math.round(result.requests.average),
        p50_ms: result.latency.p50,
        p99_ms: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors,
      };
      // A benchmark of error responses measures nothing: refuse to report it.
      if (result.non2xx > 0) return reject(new Error(`${title}: ${result.non2xx} non-2xx responses`));
      resolve(row);
    });
  });

try {
  await waitReady();
  const login = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: 'admin@canteen.test', password: 'Canteen-Demo-2026' }),
  }).then((r) => r.json());
  const token = login.result.data.accessToken;
  const auth = { authorization: `Bearer ${token}` };
  const rows = [];
  rows.push(await measure('GET /health/live', { path: '/health/live' }));
  rows.push(await measure('auth.me (JWT + user load)', { path: '/trpc/auth.me', headers: auth }));
  rows.push(
    await measure('user.list 25 rows (search "an")', {
      path: `/trpc/user.list?input=${encodeURIComponent(JSON.stringify({ limit: 25, search: 'an' }))}`,
      headers: auth,
    }),
  );
  const trpcGet = (path, input) => `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const signIn = async (email) => {
    const response = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email, password: 'Canteen-Demo-2026' }),
    }).then((r) => r.json());
    return response.result.data.accessToken;
  };
  const employeeToken = await signIn('employee@canteen.test');
  rows.push(
    await measure('product.list 20 dishes (menu cache)', {
      path: trpcGet('product.list', { limit: 20 }),
      headers: { authorization: `Bearer ${employeeToken}` },
    }),
  );
  rows.push(
    await measure('product.list search "curry" + free from milk', {
      path: trpcGet('product.list', { limit: 20, search: 'curry', freeFrom: ['milk'] }),
      headers: { authorization: `Bearer ${employeeToken}` },
    }),
  );
  // order.place: 100 real employees with seeded money, each request a fresh idempotency key, a cheap untracked dish.
  const people = await fetch(`${base}${trpcGet('user.list', { limit: 100, role: 'employee', isActive: true })}`, {
    headers: auth,
  }).then((r) => r.json());
  const tokens = [];
  for (const person of people.result.data.items) tokens.push(await signIn(person.email));
  const menu = await fetch(`${base}${trpcGet('product.list', { limit: 100, sort: 'price_asc' })}`, { headers: auth }).then((r) =>
    r.json(),
  );
  const dish = menu.result.data.items.find((p) => p.stock === null);
  let next = 0;
  rows.push(
    await measure(`order.place (${tokens.length} users, 1 × ${dish.name})`, {
      path: '/trpc/order.place',
      method: 'POST',
      connections: 16,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => ({
            ...request,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[next++ % tokens.length]}` },
            body: JSON.stringify({ items: [{ productId: dish.id, quantity: 1 }], idempotencyKey: randomUUID() }),
          }),
        },
      ],
    }),
  );
  rows.push(
    await measure('auth.login (argon2id verify)', {
      path: '/trpc/auth.login',
      method: 'POST',
      connections: 4,
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: 'employee@canteen.test', password: 'Canteen-Demo-2026' }),
    }),
  );
  // Reports over the whole generated year and over last month, as an admin (company) and a manager (department).
  const managerToken = await signIn('manager@canteen.test');
  const day = (offset) =>
    new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + offset));
  const year = { from: day(-366).toISOString(), to: day(1).toISOString() };
  const lastMonth = { from: day(-31).toISOString(), to: day(0).toISOString() };
  const someone = people.result.data.items[0];
  const month = new Date().toISOString().slice(0, 7);
  const reports = [
    ['report.revenue, year, company', 'report.revenue', year, token],
    ['report.revenue, month, department', 'report.revenue', lastMonth, managerToken],
    ['report.topDishes, year, company', 'report.topDishes', { ...year, limit: 10 }, token],
    ['report.salesByCategory, year, company', 'report.salesByCategory', year, token],
    ['report.spendByDepartment, year, company', 'report.spendByDepartment', year, token],
    ['report.funding, year, company', 'report.funding', year, token],
    ['report.statement, one person', 'report.statement', { userId: someone.id, month }, token],
  ];
  for (const [title, procedure, input, bearer] of reports) {
    rows.push(
      await measure(title, { path: trpcGet(procedure, input), connections: 1, headers: { authorization: `Bearer ${bearer}` } }),
    );
  }
  rows.push(
    await measure('GET /export/statements.csv (payroll, whole company)', {
      path: `/export/statements.csv?month=${month}`,
      connections: 1,
      headers: auth,
    }),
  );
  console.table(rows);
} finally {
  server.kill('SIGTERM');
}
