// `node dist/main.js`: one API process (serve.ts), or with API_PROCESSES > 1 (one per core by default in
// production) a primary (primary.ts) that runs that many of them on one port.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { loadEnv } from './env';
import { createLogger } from './logger';
import { apiProcesses, runPrimary } from './primary';

const env = loadEnv();
const processes = apiProcesses(env, availableParallelism());
if (cluster.isPrimary && processes > 1) {
  const logger = createLogger(env.LOG_LEVEL);
  await runPrimary(env, logger, processes).catch((error: unknown) => {
    logger.fatal({ err: error }, 'could not start');
    process.stderr.write(`\nCanteen could not start: ${error instanceof Error ? error.message : String(error)}\n\n`);
    process.exit(1);
  });
} else {
  await import('./serve');
}
