import { serve } from '@hono/node-server';
import { releaseEmbeddedSignalHandlers } from '@canteen/db';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@canteen/db/seed';
import { loadEnv } from './env';
import { createLogger } from './logger';
import { startRuntime } from './server';

const env = loadEnv();
const logger = createLogger(env.LOG_LEVEL);

const runtime = await startRuntime(env, logger).catch((error: unknown) => {
  logger.fatal({ err: error }, 'could not start');
  process.exit(1);
});

const server = serve({ fetch: runtime.app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  const url = `http://localhost:${info.port}`;
  logger.info(
    { url, database: runtime.db.embedded ? 'embedded' : 'DATABASE_URL', redis: Boolean(runtime.redis) },
    'Canteen is ready',
  );
  if (runtime.db.embedded) {
    process.stdout.write(
      `\n  Canteen is running at ${url}\n\n  Demo logins (password ${DEMO_PASSWORD}):\n` +
        DEMO_LOGINS.map((login) => `    ${login.role.padEnd(9)} ${login.email}\n`).join('') +
        '\n',
    );
  }
});

let isStopping = false;
const stop = (signal: string) => {
  if (isStopping) return;
  isStopping = true;
  logger.info({ signal }, 'draining');
  // close() stops accepting and waits for in-flight requests; idle keep-alive sockets are closed so it can finish.
  server.close(() => {
    void runtime.close().then(() => {
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
