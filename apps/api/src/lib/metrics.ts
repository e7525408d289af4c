import type { Pool, PoolClient } from 'pg';
import cluster from 'node:cluster';
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { startSqlSpan } from './tracing';

/*
 * What one API process tells Prometheus at /metrics (docs/OBSERVABILITY.md). One registry per process, as a
 * process is one scrape target; counters only go up, so tests compare before and after.
 *
 * Labels are bounded by construction: routes are the patterns the app registers, procedures are the router's own
 * names (an unknown path is `unknown`), codes and reasons come from fixed enums, SQL statements are counted by
 * their first keyword. No ids, no raw paths, no user input.
 */
export const registry = new Registry();

collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });

/** Buckets for request and procedure latency: 2 ms to 5 s, dense where the lunch rush lives (10 to 500 ms). */
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export const httpRequestDuration = new Histogram({
  name: 'canteen_http_request_duration_seconds',
  help: 'HTTP requests by method, route pattern and status class, from the first byte in to the response.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const procedureDuration = new Histogram({
  name: 'canteen_trpc_procedure_duration_seconds',
  help: 'tRPC procedure calls by procedure, type and outcome (ok, or the error code).',
  labelNames: ['procedure', 'type', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const procedureErrors = new Counter({
  name: 'canteen_trpc_errors_total',
  help: 'tRPC procedure calls that failed, by procedure, code and reason (INTERNAL_SERVER_ERROR is a bug).',
  labelNames: ['procedure', 'code', 'reason'] as const,
  registers: [registry],
});

export const dbQueryDuration = new Histogram({
  name: 'canteen_db_query_duration_seconds',
  help: 'SQL statements sent by the API, by pool (primary, replica) and first keyword (select, insert, update, ...).',
  labelNames: ['pool', 'operation'] as const,
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
  registers: [registry],
});

export const cacheRequests = new Counter({
  name: 'canteen_cache_requests_total',
  help: 'Reads of a cache by result (hit or miss); the hit ratio is hit / (hit + miss).',
  labelNames: ['cache', 'result'] as const,
  registers: [registry],
});

/** Business events, counted once each after their transaction committed. */
export const domain = {
  ordersPlaced: new Counter({ name: 'canteen_orders_placed_total', help: 'Orders placed.', registers: [registry] }),
  revenueCents: new Counter({
    name: 'canteen_order_revenue_cents_total',
    help: 'The totals of the orders placed, in cents.',
    registers: [registry],
  }),
  ordersRefunded: new Counter({ name: 'canteen_orders_refunded_total', help: 'Orders refunded.', registers: [registry] }),
  ordersCancelled: new Counter({
    name: 'canteen_orders_cancelled_total',
    help: 'Orders cancelled by their owner.',
    registers: [registry],
  }),
  ordersMoved: new Counter({
    name: 'canteen_orders_moved_total',
    help: 'Kitchen moves of orders, by the status they moved to.',
    labelNames: ['status'] as const,
    registers: [registry],
  }),
  topUps: new Counter({
    name: 'canteen_top_ups_total',
    help: 'Card top-up checkouts by how they ended (succeeded, declined, failed, expired, cancelled).',
    labelNames: ['status'] as const,
    registers: [registry],
  }),
  signInFailures: new Counter({
    name: 'canteen_sign_in_failures_total',
    help: 'Wrong passwords or codes at sign-in and at re-authentication.',
    registers: [registry],
  }),
  lockouts: new Counter({
    name: 'canteen_lockouts_total',
    help: 'Lockouts by scope: an address out of one account, an account everywhere, an address for the day.',
    labelNames: ['scope'] as const,
    registers: [registry],
  }),
};

/** What the job queue has waiting; set by the process that knows it (see `observeJobBacklog`). */
const jobBacklog = new Gauge({
  name: 'canteen_job_queue_backlog',
  help: 'Jobs queued and not yet started, by queue.',
  labelNames: ['queue'] as const,
  registers: [registry],
});

/** Reads each queue's size when Prometheus scrapes; a failing read leaves the last value. */
export const observeJobBacklog = <Queue extends string>(queues: Queue[], size: (queue: Queue) => Promise<number>): void => {
  const collect = async () => {
    await Promise.all(
      queues.map(async (queue) => {
        try {
          jobBacklog.set({ queue }, await size(queue));
        } catch {
          // The scrape still answers; the alert on readiness covers a database that is down.
        }
      }),
    );
  };
  Object.assign(jobBacklog, { collect });
};

const ready = new Gauge({
  name: 'canteen_ready',
  help: 'Whether this process can serve: 1 when its database answered at this scrape, 0 when not.',
  registers: [registry],
});

/** Asks the database at each scrape (as GET /health/ready does), so an alert needs no HTTP prober. */
export const observeReadiness = (check: () => Promise<unknown>): void => {
  Object.assign(ready, {
    collect: async () => {
      try {
        await check();
        ready.set(1);
      } catch {
        ready.set(0);
      }
    },
  });
};

const poolConnections = new Gauge({
  name: 'canteen_db_pool_connections',
  help: 'Database connections of the API pools (primary, replica) by state (idle, busy) and requests waiting for one.',
  labelNames: ['pool', 'state'] as const,
  registers: [registry],
});

const poolMax = new Gauge({
  name: 'canteen_db_pool_max_connections',
  help: 'The most connections each API pool opens.',
  labelNames: ['pool'] as const,
  registers: [registry],
});

const OPERATIONS = new Set([
  'select',
  'insert',
  'update',
  'delete',
  'with',
  'begin',
  'commit',
  'rollback',
  'savepoint',
  'release',
]);

/** The statement's first keyword, when it is one of a few; `other` for anything else. */
export const sqlOperation = (text: string): string => {
  const keyword = /^\s*([a-z]+)/i.exec(text)?.[1]?.toLowerCase() ?? '';
  return OPERATIONS.has(keyword) ? keyword : 'other';
};

/** A pg client's `query` timed: promises only (a cursor's query returns the cursor itself, left alone). */
const timeQueries = (client: PoolClient, pool: PoolRole): void => {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  Object.assign(client, {
    query: (...args: unknown[]) => {
      const started = performance.now();
      const first = args[0];
      const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '');
      const operation = sqlOperation(text);
      // A span per statement when tracing is on (lib/tracing.ts), a child of the procedure's.
      const values = Array.isArray(args[1]) ? args[1] : (first as { values?: unknown[] } | undefined)?.values;
      const endSpan = startSqlSpan(operation, text, { pool, hasParameters: (values?.length ?? 0) > 0 });
      const result = query(...args);
      if (!(result instanceof Promise)) {
        endSpan?.(false);
        return result;
      }
      // Observed when it settles either way; the caller still gets (and handles) the original promise.
      let failed = false;
      void result
        .catch(() => {
          failed = true;
        })
        .finally(() => {
          dbQueryDuration.observe({ pool, operation }, (performance.now() - started) / 1000);
          endSpan?.(failed);
        });
      return result;
    },
  });
};

export type PoolRole = 'primary' | 'replica';

/** The pools being watched: the primary's and each replica's (the last one of a role wins, as in tests). */
const pools = new Map<PoolRole, Pool>();

/** An API pool: its connections by state at each scrape, and the time of every statement it runs. */
export const observePool = (pool: Pool, role: PoolRole = 'primary'): void => {
  pool.on('connect', (client) => timeQueries(client, role));
  pools.set(role, pool);
  poolMax.set({ pool: role }, pool.options.max ?? 10);
};

Object.assign(poolConnections, {
  collect: () => {
    for (const [role, pool] of pools) {
      poolConnections.set({ pool: role, state: 'idle' }, pool.idleCount);
      poolConnections.set({ pool: role, state: 'busy' }, pool.totalCount - pool.idleCount);
      poolConnections.set({ pool: role, state: 'waiting' }, pool.waitingCount);
    }
  },
});

/** Status classes, not codes: `2xx` … `5xx`. */
export const statusClass = (status: number): string => `${Math.floor(status / 100)}xx`;

type MetricsNotice = { canteen: 'metrics'; id: number; body?: string; error?: string };
const isMetricsNotice = (value: unknown): value is MetricsNotice =>
  typeof value === 'object' && value !== null && (value as MetricsNotice).canteen === 'metrics';

/** Held so it is not a bare `new` for its side effect. */
export let workerAggregator: AggregatorRegistry<'text/plain; version=0.0.4; charset=utf-8'> | null = null;
if (cluster.isWorker) {
  // The primary's aggregator (primary.ts) collects this registry from every worker.
  AggregatorRegistry.setRegistries([registry]);
  // Its constructor adds the worker's listener for the primary's requests.
  workerAggregator = new AggregatorRegistry();
}

/** In the cluster's primary: answers a worker's GET /metrics with every worker's metrics aggregated. */
export const answerMetricsRequests = (aggregate: () => Promise<string>): void => {
  cluster.on('message', (worker, value: unknown) => {
    if (!isMetricsNotice(value) || value.body !== undefined || value.error !== undefined) return;
    // The worker may have died meanwhile: send only to a live one, and let a failed send pass.
    const reply = (notice: MetricsNotice) => {
      if (worker.isConnected()) worker.send(notice, () => undefined);
    };
    aggregate().then(
      (body) => reply({ canteen: 'metrics', id: value.id, body }),
      (error: unknown) => reply({ canteen: 'metrics', id: value.id, error: String(error) }),
    );
  });
};

let nextRequest = 0;
/** A worker asks the primary for all workers' metrics (one process's alone would be a partial, misleading view). */
const clusterMetricsText = (): Promise<string> =>
  new Promise((resolveText, reject) => {
    const id = ++nextRequest;
    const onMessage = (value: unknown) => {
      if (!isMetricsNotice(value) || value.id !== id || (value.body === undefined && value.error === undefined)) return;
      process.off('message', onMessage);
      clearTimeout(timer);
      if (value.body !== undefined) resolveText(value.body);
      else reject(new Error(value.error));
    };
    const timer = setTimeout(() => {
      process.off('message', onMessage);
      reject(new Error('the primary did not answer with the metrics'));
    }, 5_000);
    process.on('message', onMessage);
    process.send?.({ canteen: 'metrics', id } satisfies MetricsNotice);
  });

/** The Prometheus text of everything above (the body of GET /metrics): of all processes in a cluster. */
export const metricsText = async (): Promise<{ contentType: string; body: string }> => ({
  contentType: registry.contentType,
  body: cluster.isWorker && process.send ? await clusterMetricsText() : await registry.metrics(),
});
