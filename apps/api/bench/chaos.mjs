import { createInterface } from 'node:readline';
// `pnpm chaos`: the lunch rush through faults (docs/PERFORMANCE.md § Faults).
//
// The BUILT API runs as production runs it (one process per core) on the embedded PostgreSQL with a small history.
// While CHAOS_CLIENTS (32) clients place orders (two dishes, some of them counted and running out, people whose
// money runs out), it
//   1. kills every API process with SIGKILL and starts the API again, as a supervisor would;
//   2. stops PostgreSQL and starts it again after CHAOS_DOWN_SECONDS (3).
// Then it replays every request whose answer was lost with the same idempotency key, and checks: every
// acknowledged order exists with its lines and ledger entries, nothing was charged twice, and `cli.js check`
// finds the ledger, stock and report summaries consistent. It prints the counts (acknowledged, found, errors by
// kind, time to recover) and exits 1 when an invariant fails, the API hung while the database was down, or it
// did not recover by itself.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../../../scripts/lib.mjs';
import { percentile, startJsonChild, stopChild, waitUntil } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const numberFrom = (name, fallback) => Number(process.env[name] ?? fallback);
const config = {
  orders: numberFrom('CHAOS_ORDERS', 20_000),
  clients: numberFrom('CHAOS_CLIENTS', 32),
  people: numberFrom('CHAOS_PEOPLE', 96),
  phaseSeconds: numberFrom('CHAOS_PHASE_SECONDS', 5),
  downSeconds: numberFrom('CHAOS_DOWN_SECONDS', 3),
  requestTimeoutMs: 10_000,
};
const PASSWORD = 'Canteen-Demo-2026';
const say = (message) => process.stdout.write(`[chaos] ${message}\n`);
const scratch = mkdtempSync(join(os.tmpdir(), 'canteen-chaos-'));
chmodSync(scratch, 0o755);
const sleep = (ms) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
const since = (start) => Math.round(performance.now() - start);

const pgPort = await freePort();
const apiPort = await freePort();
const metricsPort = await freePort();
const base = `http://127.0.0.1:${apiPort}`;
const env = {
  ...process.env,
  NODE_ENV: 'production',
  LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'error',
  DATA_DIR: join(scratch, 'data'),
  EMBEDDED_PG_PORT: String(pgPort),
  JWT_SECRET: `chaos-${randomUUID()}-${randomUUID()}`,
  PAYMENT_PROVIDER: 'off',
  // The primary serves every process's metrics here: the connection pools' state when the API stops answering.
  METRICS_PORT: String(metricsPort),
  RATE_LIMIT_API_PER_MINUTE: '1000000000',
  RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000000',
  RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
};
delete env.DATABASE_URL;
delete env.REDIS_URL;

// ── The database, a history, people and dishes ──────────────────────────────────────────────────────────────
const startDatabase = () =>
  startJsonChild(process.execPath, [join(dist, 'cli.js'), 'database'], { env: { ...env, SEED_DEMO: '1', LOG_LEVEL: 'error' } });
let database = await startDatabase();
const databaseUrl = database.info.url;
const generated = spawnSync(
  process.execPath,
  [join(dist, 'cli.js'), 'generate', `--orders=${config.orders}`, '--employees=1000', '--dishes=60', '--days=60'],
  { stdio: ['ignore', 'ignore', 'inherit'], env: { ...env, DATABASE_URL: databaseUrl } },
);
if (generated.status !== 0) throw new Error('generating the history failed');
const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const rows = async (text, values = []) => (await db.query(text, values)).rows;
const people = await rows(
  `select id, email from app_user where role = 'employee' and is_active and email not like '%@canteen.test'
   order by id limit $1`,
  [config.people],
);
const company = (await rows("select id from payer where kind = 'company' order by created_at limit 1"))[0];
// Two dozen lunches each: some people run out of money during the run.
await db.query(
  `insert into wallet_entry (id, created_at, updated_at, user_id, payer_id, amount_cents, remaining_cents, occurred_at, kind, note)
   select gen_random_uuid(), now(), now(), u, $2, 20000, 20000, now(), 'credit', 'Chaos run' from unnest($1::uuid[]) u`,
  [people.map((p) => p.id), company.id],
);
// Everyday dishes without choices: a daily dish needs its day's plan, a dish with a required side its options.
const dishes = await rows(
  "select id from product where is_active and not is_scheduled and option_groups = '[]'::jsonb order by id",
);
// A third of the dishes counted, and few enough that they run out.
await db.query('update product set stock = null');
await db.query('update product set stock = 60 where id = any($1::uuid[])', [
  dishes.filter((_, i) => i % 3 === 0).map((d) => d.id),
]);
await db.end();
say(`database on port ${pgPort}; ${people.length} people, ${dishes.length} dishes (a third counted)`);

// ── The API, as production starts it ─────────────────────────────────────────────────────────────────────────
let api = null;
/** The API's last log lines, printed when a wait fails (CHAOS_API_LOG=1 shows them all as they come). */
const recentLog = [];
const keepLog = (line) => {
  recentLog.push(line);
  if (recentLog.length > 300) recentLog.shift();
  if (process.env.CHAOS_API_LOG) process.stdout.write(`${line}\n`);
};
/** What the database's own view says the API's connections are doing (printed when the API does not answer). */
const describeConnections = async () => {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const { rows: activity } = await client.query(
      `select application_name, state, wait_event_type, wait_event, count(*)::int as n,
              max(extract(epoch from now() - state_change))::int as longest_s, left(max(query), 120) as query
         from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
        group by 1, 2, 3, 4 order by n desc`,
    );
    say(`the database's connections: ${activity.length === 0 ? 'none' : ''}`);
    for (const row of activity) say(`  ${JSON.stringify(row)}`);
  } catch (error) {
    say(`could not ask the database about its connections: ${error.message}`);
  } finally {
    await client.end().catch(() => {});
  }
};
/** The API's own view of its connection pools and readiness (the metrics the primary gathers from every process). */
const describePools = async () => {
  try {
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
    say('the API pools and readiness:');
    for (const line of text.split('\n').filter((l) => /^canteen_(db_pool|ready|job_queue)/.test(l))) say(`  ${line}`);
  } catch (error) {
    say(`could not read the API's metrics: ${error.message}`);
  }
};
/** Waits like waitUntil, but on a timeout first prints what the API said (warnings and errors) and its last answer. */
const waitForApi = async (what, timeoutMs = 60_000) => {
  let last = 'no answer yet';
  try {
    await waitUntil(
      what,
      async () => {
        const response = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(5_000) });
        last = `${response.status} ${await response.text()}`;
        return response.ok;
      },
      timeoutMs,
    );
  } catch (error) {
    say(`${what}: the last /health/ready answer was ${last}; the API's last warnings and errors:`);
    for (const line of recentLog.filter((entry) => !/"level":(10|20|30),/.test(entry)).slice(-60)) say(`  ${line.slice(0, 400)}`);
    // A process that died is what the readiness waits on most often: say so even when its line has scrolled away.
    for (const line of recentLog.filter((entry) => entry.includes('an API process died'))) say(`  ${line.slice(0, 400)}`);
    await describeConnections();
    await describePools();
    throw error;
  }
};
const startApi = async () => {
  // Its own process group, so a kill takes the primary and every worker at once.
  api = spawn(process.execPath, [join(dist, 'main.js')], {
    env: { ...env, DATABASE_URL: databaseUrl, PORT: String(apiPort) },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  createInterface({ input: api.stdout }).on('line', keepLog);
  await waitForApi('the API to be ready');
};
await startApi();
const signIn = async (email) => {
  const response = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return (await response.json()).result.data.accessToken;
};
const tokens = [];
for (const person of people) tokens.push({ ...person, token: await signIn(person.email) });
say(`API on port ${apiPort} (${os.availableParallelism()} processes), ${tokens.length} people signed in`);

// ── The rush ─────────────────────────────────────────────────────────────────────────────────────────────────
const acknowledged = [];
const lost = [];
const errors = new Map();
const failedLatencies = [];
let phase = 'warm-up';
let downSince = null;
const count = (kind) => errors.set(kind, (errors.get(kind) ?? 0) + 1);
const place = async (person, key, items) => {
  const started = performance.now();
  try {
    const response = await fetch(`${base}/trpc/order.place`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${person.token}` },
      body: JSON.stringify({ items, idempotencyKey: key }),
      signal: AbortSignal.timeout(config.requestTimeoutMs),
    });
    const body = await response.json().catch(() => null);
    if (response.ok) return { ok: true, order: body.result.data };
    if (downSince !== null) failedLatencies.push(performance.now() - started);
    return { ok: false, kind: `${response.status} ${body?.error?.data?.reason ?? body?.reason ?? 'no reason'}` };
  } catch (error) {
    const cause = error.cause?.code ?? error.name;
    if (cause === 'TimeoutError') return { ok: false, kind: `no answer in ${config.requestTimeoutMs / 1000} s`, isLost: true };
    // A refused connection never reached the API; a cut one may have placed the order before its answer was lost.
    return { ok: false, kind: `network ${cause}`, isLost: cause !== 'ECONNREFUSED' };
  }
};
let isRunning = true;
let next = 0;
const client = async () => {
  while (isRunning) {
    const person = tokens[next++ % tokens.length];
    const a = Math.floor(Math.random() * dishes.length);
    const items = [
      { productId: dishes[a].id, quantity: 1 },
      { productId: dishes[(a + 1 + Math.floor(Math.random() * (dishes.length - 1))) % dishes.length].id, quantity: 1 },
    ];
    const key = randomUUID();
    const outcome = await place(person, key, items);
    if (outcome.ok) acknowledged.push({ id: outcome.order.id, userId: person.id, totalCents: outcome.order.totalCents, phase });
    else {
      count(outcome.kind);
      // The answer never came: the order may or may not exist. Replayed with the same key at the end.
      if (outcome.isLost) lost.push({ person, key, items, phase });
      // Refused quickly (out of money, down): do not spin.
      await sleep(outcome.kind.startsWith('network') ? 50 : 5);
    }
  }
};
const clients = Array.from({ length: config.clients }, client);
const firstOrderAfter = async (start) => {
  const before = acknowledged.length;
  await waitUntil('an order to be acknowledged', async () => acknowledged.length > before, 60_000);
  return since(start);
};

await sleep(config.phaseSeconds * 1000);

// 1. Every API process killed at once.
phase = 'API killed';
const killedAt = performance.now();
process.kill(-api.pid, 'SIGKILL');
await new Promise((resolveExit) =>
  api.exitCode !== null || api.signalCode !== null ? resolveExit() : api.once('exit', resolveExit),
);
say('API killed with SIGKILL (every process); starting it again');
await startApi();
const apiReadyMs = since(killedAt);
const apiFirstOrderMs = await firstOrderAfter(killedAt);
say(`API ready ${apiReadyMs} ms after the kill, first order ${apiFirstOrderMs} ms after it`);
phase = 'after the API restart';
await sleep(config.phaseSeconds * 1000);

// 2. PostgreSQL stopped, then started again.
phase = 'database down';
const stoppedAt = performance.now();
downSince = stoppedAt;
// The pools' state every 250 ms from the stop until the API is ready again: printed when readiness misbehaves.
const poolTrace = [];
let isTracingPools = true;
void (async () => {
  while (isTracingPools) {
    const at = since(stoppedAt);
    const text = await fetch(`http://127.0.0.1:${metricsPort}/metrics`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.text())
      .catch((error) => `error ${error.message}`);
    const state = (name) =>
      text.match(new RegExp(`canteen_db_pool_connections\\{pool="primary",state="${name}"\\} (\\d+)`))?.[1] ?? '?';
    poolTrace.push(`${at} ms: idle ${state('idle')} busy ${state('busy')} waiting ${state('waiting')}`);
    await sleep(250);
  }
})();
await stopChild(database.child);
say(`PostgreSQL stopped (${since(stoppedAt)} ms)`);
const readiness = [];
for (let i = 0; i < config.downSeconds * 4; i++) {
  const started = performance.now();
  const status = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(10_000) }).then(
    (r) => r.status,
    () => 0,
  );
  readiness.push({ status, ms: since(started) });
  await sleep(250);
}
database = await startDatabase();
const restartedAt = performance.now();
// The API knows only the old address: a database that came back elsewhere (its port taken meanwhile) is a harness fault.
if (database.info.url !== databaseUrl) throw new Error(`PostgreSQL came back at ${database.info.url}, not ${databaseUrl}`);
downSince = null;
phase = 'after the database restart';
try {
  await waitForApi('the API to be ready again');
} finally {
  isTracingPools = false;
  if (process.env.CHAOS_TRACE_POOLS || readiness.some((probe) => probe.status !== 503 || probe.ms > 2_000)) {
    say(`readiness while down: ${readiness.map((probe) => `${probe.status} in ${probe.ms} ms`).join(', ')}`);
    say('the pools (both processes) from the stop on:');
    for (const line of poolTrace) say(`  ${line}`);
  }
}
const dbReadyMs = since(restartedAt);
const dbFirstOrderMs = await firstOrderAfter(restartedAt);
say(`database back: API ready ${dbReadyMs} ms after the restart, first order ${dbFirstOrderMs} ms after it`);
await sleep(config.phaseSeconds * 1000);
isRunning = false;
await Promise.all(clients);

// ── Replays, then the invariants ────────────────────────────────────────────────────────────────────────────
let replayedExisting = 0;
let replayedNew = 0;
let replayedRefused = 0;
const acknowledgedIds = new Set(acknowledged.map((order) => order.id));
for (const request of lost) {
  const outcome = await place(request.person, request.key, request.items);
  if (!outcome.ok) {
    // Not placed then (its key is unused), and refused now (the money or the dish has run out meanwhile).
    replayedRefused += 1;
    continue;
  }
  if (acknowledgedIds.has(outcome.order.id)) throw new Error('a replay returned an order acknowledged to another request');
  const placedBefore = new Date(outcome.order.createdAt).getTime() < Date.now() - 1_000;
  if (placedBefore) replayedExisting += 1;
  else replayedNew += 1;
  acknowledged.push({ id: outcome.order.id, userId: request.person.id, totalCents: outcome.order.totalCents, phase: 'replay' });
}

const check = new pg.Client({ connectionString: databaseUrl });
await check.connect();
const ids = acknowledged.map((order) => order.id);
const found = (
  await check.query(
    `select o.id, o.total_cents, (select count(*) from order_line l where l.order_id = o.id)::int as lines,
       (select coalesce(-sum(amount_cents), 0) from wallet_entry e where e.order_id = o.id and e.kind = 'spend')::int as spent
     from canteen_order o where o.id = any($1::uuid[])`,
    [ids],
  )
).rows;
const complete = found.filter((row) => row.lines > 0 && row.spent === row.total_cents).length;
const keys = (
  await check.query('select count(*)::int as n from canteen_order group by user_id, idempotency_key having count(*) > 1')
).rows;
await check.end();
const integrity = spawnSync(process.execPath, [join(dist, 'cli.js'), 'check'], {
  env: { ...env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' },
  encoding: 'utf8',
});
const checked = JSON.parse(integrity.stdout.trim().split('\n').at(-1) ?? '{}');

const sortedFailed = failedLatencies.sort((a, b) => a - b);
const result = {
  at: new Date().toISOString(),
  config,
  acknowledged: acknowledged.length,
  found: found.length,
  completeWithLinesAndLedger: complete,
  answersLost: lost.length,
  lostResolvedOnReplay: { placedBeforeTheFault: replayedExisting, placedOnReplay: replayedNew, refusedOnReplay: replayedRefused },
  keysUsedTwice: keys.length,
  errorsByKind: Object.fromEntries([...errors].sort((a, b) => b[1] - a[1])),
  recovery: {
    apiKill: { readyMs: apiReadyMs, firstOrderMs: apiFirstOrderMs },
    databaseRestart: { downSeconds: config.downSeconds, readyMs: dbReadyMs, firstOrderMs: dbFirstOrderMs },
  },
  whileDatabaseDown: {
    readiness,
    orderAnswers: sortedFailed.length,
    orderAnswerP50Ms: Math.round(percentile(sortedFailed, 50) ?? 0),
    orderAnswerMaxMs: Math.round(sortedFailed.at(-1) ?? 0),
  },
  integrity: checked,
};
const failures = [];
if (found.length !== acknowledged.length) failures.push(`${acknowledged.length - found.length} acknowledged orders missing`);
if (complete !== found.length) failures.push(`${found.length - complete} orders without their lines or ledger entries`);
if (keys.length > 0) failures.push(`${keys.length} idempotency keys charged twice`);
if (!checked.isConsistent) failures.push(`integrity check: ${JSON.stringify(checked.counts)}`);
if (readiness.some((probe) => probe.status !== 503 || probe.ms > 2_000))
  failures.push('readiness did not answer 503 quickly while down');
if ((sortedFailed.at(-1) ?? 0) > 5_000) failures.push('an order waited more than 5 s for its answer while the database was down');
result.failures = failures;

console.table({
  acknowledged: result.acknowledged,
  'found (of acknowledged)': result.found,
  'found with lines and ledger': result.completeWithLinesAndLedger,
  'answers lost (connection cut)': result.answersLost,
  'lost: placed before the fault (replay found it)': replayedExisting,
  'lost: placed on replay (had not committed)': replayedNew,
  'lost: refused on replay (had not committed)': replayedRefused,
  'idempotency keys charged twice': result.keysUsedTwice,
  'API SIGKILL: ready again (ms)': apiReadyMs,
  'API SIGKILL: first order (ms)': apiFirstOrderMs,
  'PostgreSQL restart: ready again (ms)': dbReadyMs,
  'PostgreSQL restart: first order (ms)': dbFirstOrderMs,
  'while down: order answers (p50 / max ms)': `${result.whileDatabaseDown.orderAnswerP50Ms} / ${result.whileDatabaseDown.orderAnswerMaxMs}`,
  'while down: readiness (status, max ms)': `${[...new Set(readiness.map((r) => r.status))].join(',')}, ${Math.max(...readiness.map((r) => r.ms))}`,
  'integrity check': checked.isConsistent ? 'consistent' : JSON.stringify(checked.counts),
});
console.table(result.errorsByKind);
const outFile =
  process.env.CHAOS_OUT ?? join(here, 'results', `chaos-${new Date().toISOString().replaceAll(':', '-').slice(0, 19)}.json`);
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
say(`results written to ${outFile}`);

try {
  process.kill(-api.pid, 'SIGTERM');
} catch {
  // Already gone.
}
await new Promise((resolveExit) =>
  api.exitCode !== null || api.signalCode !== null ? resolveExit() : api.once('exit', resolveExit),
);
await stopChild(database.child);
rmSync(scratch, { recursive: true, force: true });
if (failures.length > 0) {
  say(`FAILED: ${failures.join('; ')}`);
  process.exit(1);
}
say('all invariants hold');
