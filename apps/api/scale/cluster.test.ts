import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@canteen/db/seed';
import { type Proc, removeScratch, scratchDir, startApi, waitFor } from './parts';

// The production start as a new user gets it (embedded PostgreSQL, no Redis) with API_PROCESSES=2: one port, two
// API processes, and what they must share without Redis shared through the primary (src/primary.ts).
const ROOT = new URL('../../../', import.meta.url).pathname;
const missing = process.env.CI ? null : readdirSync(`${ROOT}apps/api`).includes('dist') ? null : 'the production build';
const METRICS_TOKEN = 'cluster-metrics-token-0123456789';
const API_BUDGET = 100;

let api: Proc & { url: string; port: number };

type Answer = { status: number; body: string };
/** One request on a connection of its own, so the cluster's round robin spreads them over the processes. */
const send = (path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  new Promise<Answer>((resolveAnswer, reject) => {
    const req = request(
      { host: '127.0.0.1', port: api.port, path, method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on('end', () => resolveAnswer({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.setTimeout(5_000, () => req.destroy(new Error(`no answer to ${path} within 5 s`)));
    req.end(options.body);
  });

const trpcGet = (path: string, input: unknown, token?: string) =>
  send(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
const trpcPost = (path: string, input: unknown, token?: string) =>
  send(`/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: api.url, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
const signIn = async (email: string): Promise<string> => {
  const answer = await trpcPost('auth.login', { email, password: DEMO_PASSWORD });
  return (JSON.parse(answer.body) as { result: { data: { accessToken: string } } }).result.data.accessToken;
};

/** HTTP requests counted in a /metrics text, over every label. */
const requestCount = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('canteen_http_request_duration_seconds_count{'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);

/** The API processes under the primary: node children running the same main.js. */
const workerPids = (): number[] =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === api.child.pid;
      } catch {
        return false;
      }
    })
    .filter((name) => readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('main.js'))
    .map(Number);

describe.skipIf(missing !== null)(`the production start on every core${missing ? ` (skipped: ${missing})` : ''}`, () => {
  beforeAll(async () => {
    api = await startApi({
      DATA_DIR: scratchDir('cluster'),
      DATABASE_URL: '',
      REDIS_URL: '',
      API_PROCESSES: '2',
      METRICS_TOKEN,
      RATE_LIMIT_API_PER_MINUTE: String(API_BUDGET),
    });
  }, 120_000);

  afterAll(async () => {
    await api?.kill();
    removeScratch();
  });

  it('runs two API processes under one primary on one port', () => {
    expect(workerPids()).toHaveLength(2);
  });

  it('shows a menu change made through one process through all of them at once', async () => {
    const [employee, manager] = [await signIn('employee@canteen.test'), await signIn('manager@canteen.test')];
    const menu = async () =>
      (
        JSON.parse((await trpcGet('product.list', { limit: 50 }, employee)).body) as {
          result: { data: { items: { id: string; priceCents: number }[] } };
        }
      ).result.data.items;
    const [dish] = await menu();
    for (let i = 0; i < 4; i++) await menu();
    const changed = await trpcPost('product.update', { id: dish!.id, priceCents: dish!.priceCents + 10 }, manager);
    expect(changed.status).toBe(200);
    for (let i = 0; i < 6; i++) expect((await menu()).find((p) => p.id === dish!.id)?.priceCents).toBe(dish!.priceCents + 10);
  });

  it('ends a deactivated person on every process within a second (a notice, not the cache lifetime)', async () => {
    const admin = await signIn('admin@canteen.test');
    const person = (
      JSON.parse((await trpcGet('user.list', { limit: 50, role: 'employee' }, admin)).body) as {
        result: { data: { items: { id: string; email: string }[] } };
      }
    ).result.data.items.find((item) => item.email !== 'employee@canteen.test')!;
    const token = await signIn(person.email);
    for (let i = 0; i < 4; i++) expect((await trpcGet('auth.me', {}, token)).status).toBe(200);
    const changedAt = Date.now();
    expect((await trpcPost('user.update', { id: person.id, isActive: false }, admin)).status).toBe(200);
    await waitFor(
      'every process to refuse the token',
      async () => {
        const answers = await Promise.all(Array.from({ length: 4 }, () => trpcGet('auth.me', {}, token)));
        return answers.every((answer) => answer.status === 401) ? true : undefined;
      },
      5_000,
    );
    expect(Date.now() - changedAt).toBeLessThan(1_000);
  });

  it('aggregates every process in /metrics', async () => {
    const before = await send('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    for (let i = 0; i < 10; i++) await send('/health/live');
    for (let i = 0; i < 2; i++) {
      const after = await send('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(after.status).toBe(200);
      // Each process saw about half of the ten; the scrapes themselves count too (one or two so far).
      expect(requestCount(after.body) - requestCount(before.body)).toBeGreaterThanOrEqual(10);
      expect(requestCount(after.body) - requestCount(before.body)).toBeLessThanOrEqual(12);
    }
  });

  it('shares one address budget between the processes', async () => {
    // Whatever the earlier cases spent, at most API_BUDGET calls a minute get through in all, not one budget each.
    const answers = await Promise.all(Array.from({ length: API_BUDGET * 2 }, () => trpcGet('category.list', {})));
    const refused = answers.filter((answer) => answer.status === 429).length;
    expect(refused).toBeGreaterThanOrEqual(API_BUDGET);
    expect(answers.length - refused).toBeLessThanOrEqual(API_BUDGET);
  });

  it('replaces a process that dies, and keeps serving meanwhile', async () => {
    const [victim, survivor] = workerPids();
    process.kill(victim!, 'SIGKILL');
    // Once the primary has handled the death (a connection handed over in that instant is lost: Node's cluster).
    await waitFor('the primary to see it gone', async () => (api.output().includes('an API process died') ? true : undefined));
    expect((await send('/health/live')).status).toBe(200);
    const replaced = await waitFor('a new API process', async () => {
      const pids = workerPids();
      return pids.length === 2 && !pids.includes(victim!) ? pids : undefined;
    });
    expect(replaced).toContain(survivor);
    await waitFor('the new process to answer', async () => ((await send('/health/ready')).status === 200 ? true : undefined));
  });
});
