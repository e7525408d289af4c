import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp, createMetricsApp, type AppOptions } from '../src/app';
import { loadEnv } from '../src/env';
import { registry } from '../src/lib/metrics';
import { metricsMode } from '../src/server';
import { createTestDeps, fund, getTestOrm, makePayer, makeProduct, makeUser, newIdempotencyKey, silentLogger } from './helpers';

/*
 * GET /metrics (issue 11, item 1): Prometheus text from one registry per process, protected as configured,
 * with labels that never carry ids, raw paths or user input, and the domain counters moving with the domain.
 */
const orm = await getTestOrm();
const deps = createTestDeps();

const makeApp = (metrics?: AppOptions['metrics']) =>
  createApp({ orm, logger: silentLogger, deps, cookieSecure: false, trustProxy: false, trustedOrigins: [], metrics });

/** One sample's value from the registry (0 when it has not been observed yet). */
const sample = async (name: string, labels: Record<string, string> = {}): Promise<number> => {
  for (const metric of await registry.getMetricsAsJSON()) {
    for (const value of metric.values) {
      // A histogram's values are named `…_bucket`, `…_sum` and `…_count`; a counter's carry no name of their own.
      const valueName = (value as { metricName?: string }).metricName ?? metric.name;
      if (valueName === name && Object.entries(labels).every(([key, wanted]) => String(value.labels[key]) === wanted)) {
        return value.value;
      }
    }
  }
  return 0;
};

/** The metric names a PromQL expression reads, without a histogram's `_bucket`, `_count` or `_sum`. */
const queried = (expr: string) =>
  [...expr.matchAll(/\b((?:canteen|nodejs|process)_\w+)/g)].map(([, name]) => name!.replace(/_(bucket|count|sum)$/, ''));

const trpc = (app: ReturnType<typeof createApp>, path: string, body: unknown, token?: string) =>
  app.request(`/trpc/${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });

describe('GET /metrics', () => {
  it('answers Prometheus text with the process, HTTP, procedure, database, cache and domain metrics', async () => {
    const app = makeApp();
    await app.request('/health/live');
    const response = await app.request('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await response.text();
    for (const name of [
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_p99_seconds',
      'canteen_http_request_duration_seconds_bucket',
      'canteen_db_pool_connections',
      'canteen_db_query_duration_seconds_bucket',
      'canteen_orders_placed_total',
      'canteen_order_revenue_cents_total',
      'canteen_sign_in_failures_total',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toContain('route="/health/live"');
  });

  it('is open in development, behind the token when set, on its own port when set, and off in production otherwise', () => {
    const base = { DATABASE_URL: 'postgresql://x@db/canteen', JWT_SECRET: 'j'.repeat(40) };
    expect(metricsMode(loadEnv({ ...base }))).toEqual({ kind: 'open' });
    expect(metricsMode(loadEnv({ ...base, NODE_ENV: 'production' }))).toEqual({ kind: 'off' });
    expect(metricsMode(loadEnv({ ...base, NODE_ENV: 'production', METRICS_TOKEN: 't'.repeat(20) }))).toEqual({
      kind: 'token',
      token: 't'.repeat(20),
    });
    expect(metricsMode(loadEnv({ ...base, NODE_ENV: 'production', METRICS_PORT: '9464' }))).toEqual({ kind: 'off' });
    expect(() => loadEnv({ ...base, METRICS_TOKEN: 'short' })).toThrow();
  });

  it('is behind the bearer token when one is set, and a plain 404 (not the web app) when off', async () => {
    const guarded = makeApp({ kind: 'token', token: 'a-metrics-token-0123456789' });
    const refused = await guarded.request('/metrics');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    expect((await guarded.request('/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789ab' } })).status).toBe(
      401,
    );
    const allowed = await guarded.request('/metrics', { headers: { authorization: 'Bearer a-metrics-token-0123456789' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('canteen_http_request_duration_seconds');

    const off = await makeApp({ kind: 'off' }).request('/metrics');
    expect(off.status).toBe(404);
    expect(await off.text()).not.toContain('<html');
    // METRICS_PORT's own listener serves them without a token, and nothing else.
    const own = createMetricsApp();
    expect((await own.request('/metrics')).status).toBe(200);
    expect((await own.request('/trpc/product.list')).status).toBe(404);
  });

  it('counts an order, its revenue, its procedure and its SQL; an input error by code and reason', async () => {
    const app = makeApp();
    const person = await makeUser(orm);
    await fund(orm, person, await makePayer(orm, { kind: 'company' }), 10_000);
    const dish = await makeProduct(orm, { priceCents: 675, stock: null });
    const token = (await deps.tokens.sign(person.id)).token;
    const before = {
      orders: await sample('canteen_orders_placed_total'),
      revenue: await sample('canteen_order_revenue_cents_total'),
      calls: await sample('canteen_trpc_procedure_duration_seconds_count', { procedure: 'order.place', outcome: 'ok' }),
      inserts: await sample('canteen_db_query_duration_seconds_count', { operation: 'insert' }),
      invalid: await sample('canteen_trpc_errors_total', {
        procedure: 'order.place',
        code: 'BAD_REQUEST',
        reason: 'INVALID_INPUT',
      }),
    };
    const input = { items: [{ productId: dish.id, quantity: 2 }], idempotencyKey: newIdempotencyKey() };
    expect((await trpc(app, 'order.place', input, token)).status).toBe(200);
    // The same key again is a replay, not a second order.
    expect((await trpc(app, 'order.place', input, token)).status).toBe(200);
    expect((await trpc(app, 'order.place', { items: 'none' }, token)).status).toBe(400);

    expect(await sample('canteen_orders_placed_total')).toBe(before.orders + 1);
    expect(await sample('canteen_order_revenue_cents_total')).toBe(before.revenue + 1_350);
    expect(await sample('canteen_trpc_procedure_duration_seconds_count', { procedure: 'order.place', outcome: 'ok' })).toBe(
      before.calls + 2,
    );
    expect(await sample('canteen_db_query_duration_seconds_count', { operation: 'insert' })).toBeGreaterThan(before.inserts);
    expect(
      await sample('canteen_trpc_errors_total', { procedure: 'order.place', code: 'BAD_REQUEST', reason: 'INVALID_INPUT' }),
    ).toBe(before.invalid + 1);
  });

  it('keeps labels bounded: no raw paths, unknown procedures or ids in any label', async () => {
    const app = makeApp();
    const probe = 'zz-probe-0192af';
    await app.request(`/some/raw/path/${probe}`);
    await trpc(app, `nosuch.${probe}`, {});
    await app.request(`/trpc/product.get?input=${encodeURIComponent(JSON.stringify({ id: probe }))}`);
    const text = await (await app.request('/metrics')).text();
    expect(text).not.toContain(probe);
    const labels = [...text.matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => `${key}=${value}`);
    // Nothing that looks like a uuid, and no route that is not a registered pattern.
    expect(labels.filter((label) => /[0-9a-f]{8}-[0-9a-f]{4}-/.test(label))).toEqual([]);
    const routes = new Set(labels.filter((label) => label.startsWith('route=')));
    expect(routes).toContain('route=/trpc/*');
    for (const route of routes)
      expect([
        'route=/trpc/*',
        'route=/health/live',
        'route=/health/ready',
        'route=/metrics',
        'route=*',
        'route=/*',
        'route=none',
      ]).toContain(route);
  });

  it('exports every metric the Grafana dashboard and the alert rules query (deploy/)', async () => {
    const deploy = new URL('../../../deploy/', import.meta.url);
    const dashboard = JSON.parse(readFileSync(new URL('grafana/dashboards/canteen.json', deploy), 'utf8')) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    const alerts = readFileSync(new URL('prometheus/alerts.yml', deploy), 'utf8');
    const exported = new Set(
      [...(await (await makeApp().request('/metrics')).text()).matchAll(/^# TYPE (\w+) /gm)].map(([, name]) => name),
    );
    expect(dashboard.panels.length).toBeGreaterThan(10);
    for (const panel of dashboard.panels) {
      expect(panel.targets.length, panel.title).toBeGreaterThan(0);
      for (const { expr } of panel.targets) {
        for (const name of queried(expr)) expect(exported, `${panel.title}: ${name}`).toContain(name);
      }
    }
    const fromAlerts = queried(alerts);
    expect(fromAlerts.length).toBeGreaterThan(5);
    for (const name of fromAlerts) expect(exported, `alerts.yml: ${name}`).toContain(name);
  });
});
