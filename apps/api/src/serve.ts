// One API process: the whole server (main.ts starts it directly, or primary.ts once per core as a worker).
import cluster from 'node:cluster';
import { createServer, type AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { serve, type ServerType } from '@hono/node-server';
import { findFreePort, releaseEmbeddedSignalHandlers } from '@canteen/db';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@canteen/db/seed';
import { DEFAULT_PORT, loadEnv } from './env';
import { startTracing } from './lib/tracing';
import { createLogger } from './logger';
import { createMetricsApp } from './app';
import { startRuntime } from './server';

const env = loadEnv();
const logger = createLogger(env.LOG_LEVEL);
// Before anything opens a connection, so every span has its tracer (lib/tracing.ts); off without an endpoint.
const stopTracing =
  env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
    ? startTracing({ serviceName: env.OTEL_SERVICE_NAME })
    : async () => {};

/** The reason in plain words: the error's message, its code, and its causes (each one of an AggregateError). */
const reasonOf = (error: unknown): string => {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return [error.message, ...error.errors.map(reasonOf)].filter(Boolean).join('; ');
  }
  if (!(error instanceof Error)) return error === undefined ? 'no reason was given' : inspect(error);
  const code = (error as NodeJS.ErrnoException).code;
  const own = (error.message || error.name) + (code && !error.message.includes(code) ? ` (${code})` : '');
  const cause = error.cause === undefined ? '' : reasonOf(error.cause);
  return cause && !own.includes(cause) ? `${own}\n  because: ${cause}` : own;
};

/** Logs the failure and, whatever LOG_LEVEL says, prints its reason on stderr; then exits. */
const failStart = (error: unknown): never => {
  logger.fatal({ err: error }, 'could not start');
  process.stderr.write(`\nCanteen could not start: ${reasonOf(error)}\n\n`);
  process.exit(1);
};

const listenError = (error: unknown, port: number): Error => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new Error(
      `port ${port} on ${env.HOST} is in use by another program. Stop that program, or choose another port (PORT=8080 npm start).`,
      { cause: error },
    );
  }
  if (code === 'EACCES')
    return new Error(`port ${port} on ${env.HOST} needs privileges this user does not have; choose a port above 1023`);
  return new Error(`cannot listen on ${env.HOST}:${port}: ${reasonOf(error)}`, { cause: error });
};

/** Whether `port` can be listened on now; the listen error when not. */
const probePort = (port: number): Promise<Error | null> =>
  new Promise((resolvePort) => {
    const probe = createServer();
    probe.once('error', resolvePort);
    probe.listen({ port, host: env.HOST, exclusive: true }, () => probe.close(() => resolvePort(null)));
  });

// An explicit PORT is a promise to whoever set it: when it is taken, say so before the database starts. (A worker
// of the cluster shares the primary's socket: its siblings hold the port, and the primary probed it.)
if (env.PORT !== undefined && !cluster.isWorker) {
  const error = await probePort(env.PORT);
  if (error) failStart(listenError(error, env.PORT));
}

const runtime = await startRuntime(env, logger).catch(failStart);

const listen = (port: number): Promise<ServerType> =>
  new Promise((resolveServer, reject) => {
    const server = serve({ fetch: runtime.app.fetch, port, hostname: env.HOST }, () => resolveServer(server));
    server.once('error', reject);
  });

/** PORT exactly when set; otherwise DEFAULT_PORT or, when another program has it, the next free port. */
const listenOnPort = async (): Promise<ServerType> => {
  let port = env.PORT ?? (await findFreePort(DEFAULT_PORT, env.HOST));
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await listen(port);
    } catch (error) {
      const isTaken = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (env.PORT !== undefined || !isTaken || attempt >= 5) throw listenError(error, port);
      port = await findFreePort(port + 1, env.HOST);
    }
  }
};

const server = await listenOnPort().catch(async (error: unknown) => {
  await runtime.close().catch(() => {});
  return failStart(error);
});
const { port } = server.address() as AddressInfo;
// Metrics on a port of their own (METRICS_PORT): reachable by Prometheus inside the network, not through the proxy.
const metricsServer =
  env.METRICS_PORT === undefined
    ? null
    : await new Promise<ServerType>((resolveServer, reject) => {
        const listener = serve({ fetch: createMetricsApp().fetch, port: env.METRICS_PORT, hostname: env.METRICS_HOST }, () =>
          resolveServer(listener),
        );
        listener.once('error', reject);
      }).catch(async (error: unknown) => {
        await runtime.close().catch(() => {});
        return failStart(listenError(error, env.METRICS_PORT!));
      });
// (In a cluster the primary says it once, for all of its processes.)
if (env.METRICS_PORT === undefined && env.NODE_ENV === 'production' && !env.METRICS_TOKEN && !cluster.isWorker) {
  logger.warn('GET /metrics is off: set METRICS_TOKEN (a bearer token) or METRICS_PORT (a port of its own)');
}
// A worker of the cluster (main.ts, primary.ts): the primary says when all are up, and this one ends with it.
if (cluster.isWorker) {
  process.send?.({ canteen: 'listening', port });
  process.on('disconnect', () => stop('disconnect'));
}
const url = `http://localhost:${port}`;
runtime.setListenUrl(`http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${port}`);
const isMoved = env.PORT === undefined && port !== DEFAULT_PORT;
if (isMoved) logger.warn({ wanted: DEFAULT_PORT, port }, `port ${DEFAULT_PORT} is in use by another program; serving on ${port}`);
if (!cluster.isWorker) {
  logger.info(
    { url, database: runtime.db.embedded ? 'embedded' : 'DATABASE_URL', redis: Boolean(runtime.redis) },
    'Canteen is ready',
  );
}
if (runtime.db.embedded) {
  process.stdout.write(
    `\n  Canteen is running at ${url}${isMoved ? ` (port ${DEFAULT_PORT} is in use)` : ''}\n\n  Demo logins (password ${DEMO_PASSWORD}):\n` +
      DEMO_LOGINS.map((login) => `    ${login.role.padEnd(9)} ${login.email}\n`).join('') +
      '\n',
  );
}

let isStopping = false;
const stop = (signal: string) => {
  if (isStopping) return;
  isStopping = true;
  logger.info({ signal }, 'draining');
  metricsServer?.close();
  runtime.endStreams();
  // close() stops accepting and waits for in-flight requests; idle keep-alive sockets are closed so it can finish.
  server.close(() => {
    void runtime
      .close()
      .then(() => stopTracing())
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      });
  });
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  setTimeout(() => process.exit(1), 15_000).unref();
};
releaseEmbeddedSignalHandlers();
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
