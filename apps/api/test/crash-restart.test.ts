// Issue 7 item 13: a killed API must not block the next start, and two checkouts run side by side. Starts the real
// API (src/main.ts through tsx, so no build is needed) as a child process on the embedded PostgreSQL, always: the
// run's DATABASE_URL is blanked. Every data directory and port is the test's own.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort, isProcessRunning, startEmbeddedPostgres, stopStalePostgres } from '@canteen/db';

const API_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EMPLOYEE = { email: 'employee@canteen.test', password: 'Canteen-Demo-2026' };
const START_TIMEOUT_MS = 150_000;

type Api = {
  child: ChildProcess;
  base: string;
  dataDir: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

const apis: Api[] = [];
const holders: string[] = [];

const makeDataDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'canteen-crash-test-'));
  // As root the embedded server runs as `postgres` and must be able to enter it (mkdtemp gives 700).
  chmodSync(dir, 0o755);
  holders.push(dir);
  return dir;
};

const startApi = (dataDir: string, port: number): Api => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: API_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      DATA_DIR: dataDir,
      // Empty counts as unset: the embedded server on its default port (or the next free one), never the run's server.
      DATABASE_URL: '',
      REDIS_URL: '',
      EMBEDDED_PG_PORT: '',
      JWT_SECRET: '',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit({ code, signal })),
  );
  const api = { child, base: `http://127.0.0.1:${port}`, dataDir, output: () => output, exited };
  apis.push(api);
  return api;
};

const isExited = (api: Api) => api.child.exitCode !== null || api.child.signalCode !== null;

/** Polls /health/ready until it answers 200; fails at once with the API's output when the process exits. */
const waitReady = async (api: Api): Promise<void> => {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (isExited(api)) throw new Error(`the API exited before it was ready:\n${api.output()}`);
    const ready = await fetch(`${api.base}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  throw new Error(`the API was not ready within ${START_TIMEOUT_MS} ms:\n${api.output()}`);
};

const stopApi = async (api: Api): Promise<number | null> => {
  if (!isExited(api)) api.child.kill('SIGTERM');
  return (await api.exited).code;
};

const postmaster = (dataDir: string): { pid: number; port: number } | null => {
  const file = join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]) };
};

type TrpcAnswer<T> = { status: number; data: T };

const trpc = async <T>(
  api: Api,
  path: string,
  options: { input?: unknown; token?: string; mutation?: boolean } = {},
): Promise<TrpcAnswer<T>> => {
  const headers: Record<string, string> = { origin: api.base };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = options.mutation
    ? await fetch(`${api.base}/trpc/${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(options.input ?? {}),
      })
    : await fetch(`${api.base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(options.input ?? {}))}`, { headers });
  const body = (await response.json()) as { result?: { data: T } };
  return { status: response.status, data: body.result?.data as T };
};

const signIn = async (api: Api): Promise<string> => {
  const { status, data } = await trpc<{ accessToken: string }>(api, 'auth.login', { input: EMPLOYEE, mutation: true });
  expect(status).toBe(200);
  return data.accessToken;
};

const cheapDish = async (api: Api, token: string): Promise<string> => {
  const { data } = await trpc<{ items: { id: string; stock: number | null }[] }>(api, 'product.list', {
    input: { limit: 50, sort: 'price_asc' },
    token,
  });
  const dish = data.items.find((item) => item.stock === null || item.stock > 50);
  if (!dish) throw new Error('the demo menu has no dish in stock');
  return dish.id;
};

const placeOrder = (api: Api, token: string, productId: string) =>
  trpc<{ id: string }>(api, 'order.place', {
    input: { items: [{ productId, quantity: 1 }], idempotencyKey: `crash-${randomUUID()}` },
    token,
    mutation: true,
  });

const orderIds = async (api: Api, token: string): Promise<Set<string>> => {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: TrpcAnswer<{ items: { id: string }[]; nextCursor: string | null }> = await trpc(api, 'order.list', {
      input: cursor ? { limit: 100, cursor } : { limit: 100 },
      token,
    });
    expect(page.status).toBe(200);
    for (const order of page.data.items) ids.add(order.id);
    cursor = page.data.nextCursor;
  } while (cursor);
  return ids;
};

afterAll(async () => {
  // Whatever a failed test left: kill the APIs, then stop the PostgreSQL servers they leave behind.
  for (const api of apis) if (!isExited(api)) api.child.kill('SIGKILL');
  await Promise.all(apis.map((api) => api.exited));
  for (const holder of holders) {
    await stopStalePostgres(join(holder, 'postgres')).catch(() => {});
    rmSync(holder, { recursive: true, force: true });
  }
}, 60_000);

describe('a crash never blocks the next start', () => {
  let first: Api | undefined;

  it('starts two instances with their own data directories at the same time, on separate ports', async () => {
    const [dirA, dirB] = [makeDataDir(), makeDataDir()];
    const [portA, portB] = [await findFreePort(), await findFreePort()];
    const a = startApi(dirA, portA);
    const b = startApi(dirB, portB);
    await Promise.all([waitReady(a), waitReady(b)]);
    const [pgA, pgB] = [postmaster(dirA), postmaster(dirB)];
    expect(pgA?.port).toBeGreaterThan(0);
    expect(pgB?.port).toBeGreaterThan(0);
    expect(pgA?.port).not.toBe(pgB?.port);
    expect(await stopApi(b)).toBe(0);
    // A clean stop takes its PostgreSQL along.
    expect(pgB && isProcessRunning(pgB.pid)).toBe(false);
    first = a;
  }, 240_000);

  it('refuses, with the reason, a data directory whose PostgreSQL belongs to a running instance', async () => {
    first ??= startApi(makeDataDir(), await findFreePort());
    await waitReady(first);
    const intruder = startApi(first.dataDir, await findFreePort());
    expect((await intruder.exited).code).toBe(1);
    expect(intruder.output()).toMatch(
      /could not start: .* is in use by the PostgreSQL \(process \d+, port \d+\) of another running program/,
    );
    // The running instance was left alone.
    expect((await fetch(`${first.base}/health/ready`)).status).toBe(200);
  }, 240_000);

  it('comes back after a SIGKILL with every acknowledged order', async () => {
    first ??= startApi(makeDataDir(), await findFreePort());
    const api = first;
    await waitReady(api);
    const token = await signIn(api);
    const productId = await cheapDish(api, token);
    const acknowledged: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { status, data } = await placeOrder(api, token, productId);
      expect(status).toBe(200);
      acknowledged.push(data.id);
    }
    // A burst in flight when the process dies: what was answered must survive, the rest may or may not.
    const burst = Array.from({ length: 8 }, () => placeOrder(api, token, productId));
    await Promise.race(burst);
    const orphan = postmaster(api.dataDir);
    expect(orphan).not.toBeNull();
    api.child.kill('SIGKILL');
    expect((await api.exited).signal).toBe('SIGKILL');
    for (const answer of await Promise.allSettled(burst)) {
      if (answer.status === 'fulfilled' && answer.value.status === 200) acknowledged.push(answer.value.data.id);
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(4);
    // The API is gone, its PostgreSQL is not: the orphan the next start has to deal with.
    expect(isProcessRunning(orphan!.pid)).toBe(true);

    const again = startApi(api.dataDir, await findFreePort());
    await waitReady(again);
    expect(isProcessRunning(orphan!.pid)).toBe(false);
    expect(postmaster(again.dataDir)?.pid).not.toBe(orphan!.pid);
    const stored = await orderIds(again, await signIn(again));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);

    const running = postmaster(again.dataDir)!;
    expect(await stopApi(again)).toBe(0);
    expect(isProcessRunning(running.pid)).toBe(false);
  }, 300_000);

  it('starts over a pid file of a dead process, or of a process that is no PostgreSQL', async () => {
    const dataDir = join(first?.dataDir ?? makeDataDir(), 'postgres');
    const pidFile = join(dataDir, 'postmaster.pid');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    for (const pid of [dead, process.pid]) {
      if (existsSync(join(dataDir, 'PG_VERSION'))) {
        writeFileSync(pidFile, `${pid}\n${dataDir}\n${Math.floor(Date.now() / 1000)}\n5488\n\n127.0.0.1\n\nready\n`);
      }
      const pg = await startEmbeddedPostgres({ dataDir, port: await findFreePort() });
      const running = postmaster(dirname(dataDir))!;
      expect(running.pid).not.toBe(pid);
      expect(isProcessRunning(running.pid)).toBe(true);
      await pg.stop();
      expect(isProcessRunning(running.pid)).toBe(false);
    }
  }, 120_000);

  it('says which port is taken when PORT is set to a busy one, before starting the database', async () => {
    const blocker: Server = createServer();
    const port = await findFreePort();
    await new Promise<void>((resolveListen) => blocker.listen(port, '127.0.0.1', resolveListen));
    try {
      const api = startApi(makeDataDir(), port);
      expect((await api.exited).code).toBe(1);
      expect(api.output()).toContain(`Canteen could not start: port ${port} on 127.0.0.1 is in use by another program`);
      expect(existsSync(join(api.dataDir, 'postgres'))).toBe(false);
    } finally {
      blocker.close();
    }
  }, 60_000);
});
