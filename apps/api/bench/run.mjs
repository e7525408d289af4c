// `pnpm bench`: the lunch rush measured against its own ceilings (docs/PERFORMANCE.md).
//
// 1. A database of its own (the embedded PostgreSQL under a temporary DATA_DIR, or BENCH_DATABASE_URL), with a
//    large history loaded by the set-based generator: BENCH_ORDERS (1,000,000) orders by BENCH_EMPLOYEES (10,000)
//    people over BENCH_DISHES (300) dishes; BENCH_ORDERS=0 skips it.
// 2. The BUILT API started as production runs it (NODE_ENV=production, `dist/main.js`), driven from this process
//    by autocannon: menu page, menu revalidated with its ETag, search, a dish by id, wallet balance, order history,
//    order placement (distinct people, fresh keys, two dishes) at 16 and 64 connections, sign-in, the slowest
//    report, and an order by a person with BENCH_HEAVY_ORDERS (10,000) past orders against one by a new person.
// 3. The ceilings in the same run: a bare Hono server answering the captured menu bytes, and the order
//    transaction's SQL (order-transaction.pgbench) replayed by pgbench at the same concurrency (skipped, with a
//    note, where pgbench is absent).
// 4. Every scenario BENCH_ROUNDS (3) times, interleaved; then the catalogue grown to BENCH_BIG_CATALOGUE (3,000)
//    dishes and the menu measured again. Prints medians, spread, ratios to the ceilings and the targets of
//    issue 12; writes everything as JSON to BENCH_OUT (bench/results/bench-<time>.json).
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../../../scripts/lib.mjs';
import { load, startJsonChild, stopChild, summarise, treeCpuSeconds, waitUntil } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const numberFrom = (name, fallback) => Number(process.env[name] ?? fallback);
const config = {
  orders: numberFrom('BENCH_ORDERS', 1_000_000),
  employees: numberFrom('BENCH_EMPLOYEES', 10_000),
  dishes: numberFrom('BENCH_DISHES', 300),
  days: numberFrom('BENCH_DAYS', 365),
  seconds: numberFrom('BENCH_SECONDS', 5),
  rounds: numberFrom('BENCH_ROUNDS', 3),
  people: numberFrom('BENCH_PEOPLE', 256),
  heavyOrders: numberFrom('BENCH_HEAVY_ORDERS', 10_000),
  bigCatalogue: numberFrom('BENCH_BIG_CATALOGUE', 3_000),
};
const PASSWORD = 'Canteen-Demo-2026';
const JWT_SECRET = `bench-${randomUUID()}-${randomUUID()}`;
const progress = (message) => process.stdout.write(`[bench] ${message}\n`);
const scratch = mkdtempSync(join(os.tmpdir(), 'canteen-bench-'));
// The embedded PostgreSQL runs as its own user, which must be able to enter this directory.
chmodSync(scratch, 0o755);
const cleanups = [];

const baseEnv = {
  ...process.env,
  NODE_ENV: 'production',
  LOG_LEVEL: 'error',
  JWT_SECRET,
  DATA_DIR: process.env.BENCH_DATA_DIR ?? join(scratch, 'data'),
  PAYMENT_PROVIDER: 'off',
  // The budgets are not what is measured: a benchmark from one address would spend them in a second.
  RATE_LIMIT_API_PER_MINUTE: '1000000000',
  RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000000',
  RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
};
delete baseEnv.DATABASE_URL;
delete baseEnv.REDIS_URL;

const machine = () => {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))),
  };
};

const findPgbench = () => {
  const candidates = [
    process.env.PGBENCH,
    ...['18', '17', '16', '15', '14', '13'].map((v) => `/usr/lib/postgresql/${v}/bin/pgbench`),
  ].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  const which = spawnSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
};

// ── 1. The database and its history ────────────────────────────────────────────────────────────────────────────
let databaseUrl = process.env.BENCH_DATABASE_URL;
let databasePid = null;
if (!databaseUrl) {
  const { child, info } = await startJsonChild(process.execPath, [join(dist, 'cli.js'), 'database'], {
    env: { ...baseEnv, SEED_DEMO: '1' },
  });
  cleanups.push(() => stopChild(child));
  databaseUrl = info.url;
  databasePid = child.pid;
}
progress(`database ${databaseUrl.replace(/\/\/[^@]*@/, '//')}${databasePid ? ' (embedded)' : ''}`);
const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
cleanups.push(() => db.end());

if (config.orders > 0) {
  const started = performance.now();
  const generated = spawnSync(
    process.execPath,
    [
      join(dist, 'cli.js'),
      'generate',
      `--orders=${config.orders}`,
      `--employees=${config.employees}`,
      `--dishes=${config.dishes}`,
      `--days=${config.days}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...baseEnv, DATABASE_URL: databaseUrl, SEED_DEMO: '1' } },
  );
  if (generated.status !== 0) throw new Error('generating the history failed');
  progress(
    `history of ${config.orders.toLocaleString('en')} orders loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

// ── 2. People, money and dishes for the run ────────────────────────────────────────────────────────────────────
const rows = async (text, values = []) => (await db.query(text, values)).rows;
const company = (await rows("select id from payer where kind = 'company' order by created_at limit 1"))[0];
const creditAll = (ids, cents) =>
  db.query(
    `insert into wallet_entry (id, created_at, updated_at, user_id, payer_id, amount_cents, remaining_cents, occurred_at, kind, note)
     select gen_random_uuid(), now(), now(), u, $2, $3, $3, now(), 'credit', 'Benchmark' from unnest($1::uuid[]) u`,
    [ids, company.id, cents],
  );
const people = await rows(
  `select id, email from app_user where role = 'employee' and is_active and email not like '%@canteen.test'
   order by id limit $1`,
  [config.people],
);
if (people.length === 0) people.push(...(await rows("select id, email from app_user where email = 'employee@canteen.test'")));
await creditAll(
  people.map((p) => p.id),
  5_000_000,
);
// The heavy person takes over whole histories of others (orders and all their ledger entries, so every lot, draw
// and balance stays consistent) until they have BENCH_HEAVY_ORDERS past orders; the fresh person has none.
const heavy = (
  await rows(
    `select id, email from app_user where role = 'employee' and is_active and email not like '%@canteen.test'
     and id <> all($1::uuid[]) order by id desc limit 1`,
    [people.map((p) => p.id)],
  )
)[0];
const donors = [];
if (heavy && config.heavyOrders > 0) {
  const candidates = await rows(
    `select u.id, count(o.id)::int as orders from app_user u join canteen_order o on o.user_id = u.id
     where u.role = 'employee' and u.id <> all($1::uuid[]) and u.id <> $2 group by u.id order by u.id limit 20000`,
    [people.map((p) => p.id), heavy.id],
  );
  let moved = Number((await rows('select count(*)::int as n from canteen_order where user_id = $1', [heavy.id]))[0].n);
  for (const candidate of candidates) {
    if (moved >= config.heavyOrders) break;
    donors.push(candidate.id);
    moved += candidate.orders;
  }
  await db.query('update canteen_order set user_id = $1 where user_id = any($2::uuid[])', [heavy.id, donors]);
  await db.query('update wallet_entry set user_id = $1 where user_id = any($2::uuid[])', [heavy.id, donors]);
  await db.query('update app_user set is_active = false where id = any($1::uuid[])', [donors]);
}
const heavyOrders = heavy
  ? Number((await rows('select count(*)::int as n from canteen_order where user_id = $1', [heavy.id]))[0].n)
  : 0;
const freshEmail = `bench-fresh-${randomUUID().slice(0, 8)}@bench.invalid`;
const fresh = (
  await rows(
    `insert into app_user (id, created_at, updated_at, email, name, employee_number, role, department_id, password_hash,
       is_active, failed_login_count, password_changed_at)
     select gen_random_uuid(), now(), now(), $1, 'Fresh Bench', 'BF-' || substr(md5(random()::text), 1, 12), 'employee',
       department_id, password_hash, true, 0, now() - interval '1 day'
     from app_user where id = $2 returning id, email`,
    [freshEmail, people[0].id],
  )
)[0];
await creditAll([heavy?.id, fresh.id].filter(Boolean), 100_000_000);
// Counted stock never runs out during the run (running out is a refusal, not the path being measured).
await db.query('update product set stock = 10000000 where stock is not null');
// Everyday dishes without choices: a daily dish needs its day's plan, a dish with a required side its options.
const dishes = await rows(
  "select id, name, price_cents from product where is_active and not is_scheduled and option_groups = '[]'::jsonb order by id",
);
await db.query('drop table if exists bench_person, bench_dish');
await db.query('create table bench_person as select row_number() over (order by id)::int as n, id from unnest($1::uuid[]) id', [
  people.map((p) => p.id),
]);
await db.query('create table bench_dish as select row_number() over (order by id)::int as n, id from unnest($1::uuid[]) id', [
  dishes.map((d) => d.id),
]);
await db.query('alter table bench_person add primary key (n); alter table bench_dish add primary key (n); analyze');
progress(
  `${people.length} people with money, ${dishes.length} dishes; heavy person with ${heavyOrders.toLocaleString('en')} past orders`,
);

// ── 3. The servers ─────────────────────────────────────────────────────────────────────────────────────────────
const startApi = async (processes) => {
  const port = await freePort();
  const child = spawn(process.execPath, [join(dist, 'main.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...baseEnv, DATABASE_URL: databaseUrl, PORT: String(port), API_PROCESSES: String(processes) },
  });
  cleanups.push(() => stopChild(child));
  const base = `http://127.0.0.1:${port}`;
  await waitUntil('the API to be ready', async () => (await fetch(`${base}/health/ready`)).ok);
  return { child, base, processes };
};
// One process, and the production start's default: one per core (API_PROCESSES, docs/PERFORMANCE.md).
const cores = os.availableParallelism();
const modes = [
  { name: '1 process', processes: 1 },
  ...(cores > 1 && process.env.BENCH_ONE_PROCESS !== '1' ? [{ name: `${cores} processes`, processes: cores }] : []),
];
const servers = [];
for (const mode of modes) servers.push({ ...mode, ...(await startApi(mode.processes)) });
const primary = servers[0];

const trpc = (base, path, input) => `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
const signIn = async (email) => {
  const response = await fetch(`${primary.base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: primary.base },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const body = await response.json();
  if (!body.result) throw new Error(`sign-in as ${email} failed: ${JSON.stringify(body.error?.data ?? body)}`);
  return body.result.data.accessToken;
};
const tokens = [];
for (const person of people) tokens.push(await signIn(person.email));
const heavyToken = heavy ? await signIn(heavy.email) : null;
const freshToken = await signIn(fresh.email);
const managerToken = await signIn('manager@canteen.test');
const adminToken = await signIn('admin@canteen.test');
progress(`${tokens.length + 4} sign-ins done`);

const MENU = { limit: 20 };
const menuResponse = await fetch(trpc(primary.base, 'product.list', MENU), {
  headers: { authorization: `Bearer ${tokens[0]}` },
});
const menuBytes = Buffer.from(await menuResponse.arrayBuffer());
const menuEtag = menuResponse.headers.get('etag');
writeFileSync(join(scratch, 'menu.json'), menuBytes);
const ceiling = await startJsonChild(
  process.execPath,
  [join(here, 'ceiling-server.mjs'), join(scratch, 'menu.json'), menuResponse.headers.get('content-type') ?? 'application/json'],
  {},
);
cleanups.push(() => stopChild(ceiling.child));
const ceilingUrl = `http://127.0.0.1:${ceiling.info.port}/trpc/product.list`;
progress(`menu page: ${menuBytes.length} bytes${menuEtag ? `, ETag ${menuEtag}` : ', no ETag'}`);

const pgbench = findPgbench();
const pgbenchScript = join(here, 'order-transaction.pgbench');

// ── 4. Scenarios ───────────────────────────────────────────────────────────────────────────────────────────────
let next = 0;
const rotating = (headers = {}) => ({
  setupRequest: (request) => ({
    ...request,
    headers: { ...request.headers, ...headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` },
  }),
});
const pair = () => {
  const a = Math.floor(Math.random() * dishes.length);
  const b = (a + 1 + Math.floor(Math.random() * (dishes.length - 1))) % dishes.length;
  return [dishes[a].id, dishes[b].id];
};
const placing = (token) => ({
  method: 'POST',
  setupRequest: (request) => ({
    ...request,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token ?? tokens[next++ % tokens.length]}`,
    },
    body: JSON.stringify({
      items: pair().map((productId) => ({ productId, quantity: 1 })),
      idempotencyKey: randomUUID(),
    }),
  }),
});
const month = new Date().toISOString().slice(0, 7);
const someDish = dishes[Math.floor(dishes.length / 2)];

const runPgbench = (connections) => {
  if (!pgbench) return null;
  const dbBefore = treeCpuSeconds(databasePid);
  const logDir = mkdtempSync(join(scratch, 'pgbench-'));
  const ran = spawnSync(
    pgbench,
    [
      '-n',
      '-c',
      String(connections),
      '-j',
      String(Math.min(connections, os.availableParallelism())),
      '-T',
      String(config.seconds),
      '-f',
      pgbenchScript,
      '-D',
      `people=${people.length}`,
      '-D',
      `dishes=${dishes.length}`,
      '-l',
      `--log-prefix=${join(logDir, 'tx')}`,
      databaseUrl,
    ],
    { encoding: 'utf8', cwd: logDir },
  );
  if (ran.status !== 0) throw new Error(`pgbench failed: ${ran.stderr}`);
  const tps = Number(/tps = ([\d.]+)/.exec(ran.stdout)?.[1] ?? 0);
  const failed = Number(/number of failed transactions: (\d+)/.exec(ran.stdout)?.[1] ?? 0);
  const latencies = [];
  for (const file of spawnSync('ls', [logDir], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean)) {
    for (const line of readFileSync(join(logDir, file), 'utf8').split('\n')) {
      const micros = Number(line.split(' ')[2]);
      if (Number.isFinite(micros) && line) latencies.push(micros / 1000);
    }
  }
  rmSync(logDir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? null;
  const round2 = (v) => (v === null ? null : Number(v.toFixed(2)));
  const dbAfter = treeCpuSeconds(databasePid);
  const db =
    dbBefore === null || latencies.length === 0 ? null : Number((((dbAfter - dbBefore) * 1000) / latencies.length).toFixed(3));
  return {
    rps: Number(tps.toFixed(1)),
    p50: round2(at(50)),
    p95: round2(at(95)),
    p99: round2(at(99)),
    errors: failed,
    cpuMsPerRequest: { db },
  };
};

/** The scenarios of one server, in the order they run within a round. */
const scenariosFor = (server) => {
  const watch = { api: server.child.pid, ...(databasePid ? { db: databasePid } : {}) };
  const get = (name, url, connections, extra = {}) => ({
    name: `${name} @${connections}`,
    server: server.name,
    run: () => load({ url, connections, seconds: config.seconds, watch, ...extra }),
  });
  const list = [
    get('menu page (20 dishes)', trpc(server.base, 'product.list', MENU), 64, { requests: [rotating()] }),
    ...(menuEtag
      ? [
          {
            name: 'menu page revalidated (ETag, 304) @64',
            server: server.name,
            // The ETag of the page as it is now: orders change stock, so the page (and its ETag) moves on.
            run: async () => {
              const current = await fetch(trpc(server.base, 'product.list', MENU), {
                headers: { authorization: `Bearer ${tokens[0]}` },
              });
              await current.arrayBuffer();
              return load({
                url: trpc(server.base, 'product.list', MENU),
                connections: 64,
                seconds: config.seconds,
                watch,
                requests: [rotating({ 'if-none-match': current.headers.get('etag') ?? '' })],
                ok: [304],
              });
            },
          },
        ]
      : []),
    get(
      'menu search "curry", free from milk',
      trpc(server.base, 'product.list', { limit: 20, search: 'curry', freeFrom: ['milk'] }),
      64,
      {
        requests: [rotating()],
      },
    ),
    get('dish by id', trpc(server.base, 'product.byId', { id: someDish.id }), 64, { requests: [rotating()] }),
    get('wallet balance', trpc(server.base, 'wallet.balance', {}), 64, { requests: [rotating()] }),
    get('order history (20)', trpc(server.base, 'order.list', { limit: 20 }), 64, { requests: [rotating()] }),
  ];
  const place16 = get('order.place, 2 dishes', `${server.base}/trpc/order.place`, 16, { requests: [placing()] });
  const place64 = get('order.place, 2 dishes', `${server.base}/trpc/order.place`, 64, { requests: [placing()] });
  const rest = [
    // Each request a different person: concurrent sign-ins to one account from one address are refused by design.
    get('sign-in (argon2id)', `${server.base}/trpc/auth.login`, 8, {
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => ({
            ...request,
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: server.base },
            body: JSON.stringify({ email: people[next++ % people.length].email, password: PASSWORD }),
          }),
        },
      ],
    }),
    get('slowest report: payroll CSV, whole company', `${server.base}/export/statements.csv?month=${month}`, 2, {
      headers: { authorization: `Bearer ${adminToken}` },
    }),
    get('order.place by a new person', `${server.base}/trpc/order.place`, 1, { requests: [placing(freshToken)] }),
  ];
  if (heavyToken) {
    rest.push(
      get(`order.place by a person with ${heavyOrders.toLocaleString('en')} orders`, `${server.base}/trpc/order.place`, 1, {
        requests: [placing(heavyToken)],
      }),
    );
  }
  return { reads: list, place16, place64, rest };
};
const ceilingScenarios = [
  {
    name: 'ceiling: bare Hono, menu bytes @64',
    server: 'ceiling',
    run: () => load({ url: ceilingUrl, connections: 64, seconds: config.seconds, watch: { api: ceiling.child.pid } }),
  },
  ...[16, 64].map((connections) => ({
    name: `ceiling: order SQL by pgbench @${connections}`,
    server: 'ceiling',
    run: async () => runPgbench(connections),
  })),
];
if (!pgbench) progress('pgbench not found (install postgresql-client or set PGBENCH): the order ceiling is skipped');

const results = new Map();
const record = (scenario, round, figures) => {
  const key = `${scenario.server}|${scenario.name}`;
  if (!results.has(key)) results.set(key, { scenario: scenario.name, server: scenario.server, runs: [] });
  results.get(key).runs.push({ round, ...figures });
};
// Each ceiling runs right before what it is the ceiling of: the pages first (nothing has written yet in the round),
// the order's SQL before the orders at the same concurrency, the rest last.
const perServer = servers.map(scenariosFor);
const [bareCeiling, sqlCeiling16, sqlCeiling64] = ceilingScenarios;
const all = [
  bareCeiling,
  ...perServer.flatMap((s) => s.reads),
  sqlCeiling16,
  ...perServer.map((s) => s.place16),
  sqlCeiling64,
  ...perServer.map((s) => s.place64),
  ...perServer.flatMap((s) => s.rest),
];
for (let round = 1; round <= config.rounds; round++) {
  for (const scenario of all) {
    const figures = await scenario.run();
    if (!figures) continue;
    record(scenario, round, figures);
    progress(
      `round ${round}/${config.rounds} ${scenario.server.padEnd(9)} ${scenario.name}: ${figures.rps} req/s, p50 ${figures.p50} ms, ` +
        `p99 ${figures.p99} ms, errors ${figures.errors}` +
        (figures.cpuMsPerRequest?.api ? `, API CPU ${figures.cpuMsPerRequest.api} ms/req` : ''),
    );
  }
}

// ── 5. The menu over a ten times larger catalogue ──────────────────────────────────────────────────────────────
if (config.bigCatalogue > dishes.length) {
  const category = (await rows('select id from category order by id limit 1'))[0];
  await db.query(
    `insert into product (id, created_at, updated_at, name, description, price_cents, category_id, allergens, dietary_tags,
       stock, is_active, rating_count, rating_sum)
     select gen_random_uuid(), now(), now(), 'Bench dish ' || g, 'A dish of the large catalogue', 300 + g % 900, $1,
       '{}', '{}', null, true, 0, 0
     from generate_series(1, $2) g`,
    [category.id, config.bigCatalogue - dishes.length],
  );
  await db.query('analyze product');
  // A menu write empties every process's menu cache.
  const touched = await fetch(`${primary.base}/trpc/product.update`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${managerToken}` },
    body: JSON.stringify({ id: someDish.id, priceCents: someDish.price_cents }),
  });
  if (!touched.ok) throw new Error(`touching the menu failed: ${touched.status}`);
  for (let round = 1; round <= config.rounds; round++) {
    for (const server of servers) {
      const scenario = {
        name: `menu page (20 of ${config.bigCatalogue.toLocaleString('en')} dishes) @64`,
        server: server.name,
        run: () =>
          load({
            url: trpc(server.base, 'product.list', MENU),
            connections: 64,
            seconds: config.seconds,
            requests: [rotating()],
            watch: { api: server.child.pid },
          }),
      };
      const figures = await scenario.run();
      record(scenario, round, figures);
      progress(`round ${round}/${config.rounds} ${server.name} ${scenario.name}: ${figures.rps} req/s, p99 ${figures.p99} ms`);
    }
  }
}

// ── 6. Summary, ratios, targets ────────────────────────────────────────────────────────────────────────────────
const summary = [...results.values()].map((entry) => ({
  scenario: entry.scenario,
  server: entry.server,
  rps: summarise(entry.runs.map((r) => r.rps)),
  p50: summarise(entry.runs.map((r) => r.p50)).median,
  p95: summarise(entry.runs.map((r) => r.p95)).median,
  p99: summarise(entry.runs.map((r) => r.p99)).median,
  errors: entry.runs.reduce((sum, r) => sum + r.errors, 0),
  apiCpuMsPerRequest: summarise(entry.runs.map((r) => r.cpuMsPerRequest?.api)).median,
  dbCpuMsPerRequest: summarise(entry.runs.map((r) => r.cpuMsPerRequest?.db)).median,
}));
const find = (server, prefix) => summary.find((row) => row.server === server && row.scenario.startsWith(prefix));
const menuCeiling = find('ceiling', 'ceiling: bare Hono');
const orderCeiling = (connections) => find('ceiling', `ceiling: order SQL by pgbench @${connections}`);
const ceilingOf = (row) => {
  if (row.server === 'ceiling') return null;
  if (row.scenario.startsWith('menu')) return menuCeiling;
  const placed = /^order\.place, 2 dishes @(\d+)/.exec(row.scenario);
  return placed ? orderCeiling(Number(placed[1])) : null;
};
for (const row of summary) {
  const top = ceilingOf(row);
  row.ceiling = top ? top.scenario : null;
  row.ratio = top?.rps.median ? Number((row.rps.median / top.rps.median).toFixed(3)) : null;
}

const targets = [];
const target = (what, value, goal, isMet) =>
  targets.push({ target: what, value, goal, met: value === null || value === undefined ? null : isMet(value) });
for (const server of servers) {
  const menu = find(server.name, 'menu page (20 dishes)');
  const revalidated = find(server.name, 'menu page revalidated');
  const place16 = find(server.name, 'order.place, 2 dishes @16');
  const place64 = find(server.name, 'order.place, 2 dishes @64');
  const freshOrder = find(server.name, 'order.place by a new person');
  const heavyOrder = find(server.name, 'order.place by a person with');
  const bigMenu = find(server.name, `menu page (20 of`);
  const tag = `[${server.name}]`;
  target(`${tag} menu / bare-bytes ceiling`, menu?.ratio, '>= 0.15', (v) => v >= 0.15);
  target(`${tag} menu p99 at 64 connections (ms)`, menu?.p99, '< 25', (v) => v < 25);
  target(`${tag} menu 304 / ceiling`, revalidated?.ratio ?? null, '>= 0.3', (v) => v >= 0.3);
  target(`${tag} order.place / SQL ceiling at 16`, place16?.ratio, '>= 0.6', (v) => v >= 0.6);
  target(`${tag} order.place p99 at 16 connections (ms)`, place16?.p99, '< 100', (v) => v < 100);
  target(
    `${tag} order.place throughput 64 / 16 connections`,
    place16 && place64 ? Number((place64.rps.median / place16.rps.median).toFixed(3)) : null,
    '>= 1 (no loss)',
    (v) => v >= 0.97,
  );
  target(
    `${tag} order cost, ${heavyOrders.toLocaleString('en')} past orders / none (p50)`,
    freshOrder && heavyOrder ? Number((heavyOrder.p50 / freshOrder.p50).toFixed(3)) : null,
    '<= 1.2',
    (v) => v <= 1.2,
  );
  target(
    `${tag} menu cost, ${config.bigCatalogue.toLocaleString('en')} / ${dishes.length} dishes (req/s)`,
    menu && bigMenu ? Number((menu.rps.median / bigMenu.rps.median).toFixed(3)) : null,
    '<= 1.5',
    (v) => v <= 1.5,
  );
}

const table = summary.map((row) => ({
  server: row.server,
  scenario: row.scenario,
  'req/s': row.rps.median,
  spread: row.rps.spread === null ? '' : `±${Math.round((row.rps.spread * 100) / 2)}%`,
  p50: row.p50,
  p95: row.p95,
  p99: row.p99,
  errors: row.errors,
  'API CPU ms/req': row.apiCpuMsPerRequest,
  'DB CPU ms/req': row.dbCpuMsPerRequest,
  'x ceiling': row.ratio,
}));
console.table(table);
console.table(targets.map((t) => ({ ...t, met: t.met === null ? 'n/a' : t.met ? 'yes' : 'NO' })));

const outFile =
  process.env.BENCH_OUT ?? join(here, 'results', `bench-${new Date().toISOString().replaceAll(':', '-').slice(0, 19)}.json`);
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(
  outFile,
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      machine: machine(),
      config: { ...config, heavyOrdersActual: heavyOrders, dishesActive: dishes.length, pgbench: pgbench ?? null },
      summary,
      targets,
      runs: [...results.values()],
    },
    null,
    2,
  )}\n`,
);
progress(`results written to ${outFile}`);
progress(`cpu seconds used by this load generator: ${treeCpuSeconds(process.pid)}`);

for (const cleanup of cleanups.reverse()) await cleanup();
rmSync(scratch, { recursive: true, force: true });
