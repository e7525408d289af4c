// `npm start`: install what is missing, build, and serve Canteen on http://localhost:3000, or the next free port
// when 3000 is taken (PORT sets it exactly).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, ensureInstalled, log, mustSucceed, nodeBinary, pnpm, workspaceEnv } from './lib.mjs';

await ensureInstalled();
log('building...');
await mustSucceed(
  'build',
  pnpm(['turbo', 'run', 'build', '--filter=@canteen/api', '--filter=@canteen/web', '--output-logs=errors-only']),
);

const env = workspaceEnv({
  NODE_ENV: process.env.NODE_ENV ?? 'production',
  DATA_DIR: process.env.DATA_DIR ?? join(ROOT, '.data'),
  // The quick start serves plain http; behind TLS set COOKIE_SECURE=1.
  COOKIE_SECURE: process.env.COOKIE_SECURE ?? '0',
});

log(process.env.DATABASE_URL ? 'starting (DATABASE_URL)...' : `starting (embedded PostgreSQL under ${env.DATA_DIR})...`);
const server = spawn(nodeBinary(), [join(ROOT, 'apps', 'api', 'dist', 'main.js')], { cwd: ROOT, stdio: 'inherit', env });
let forwarded = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    forwarded = signal;
    server.kill(signal);
  });
}
server.on('exit', (code, signal) => {
  if (code !== null) process.exit(code);
  if (signal === forwarded) process.exit(0);
  // Killed from outside (kill -9, out of memory): the next `npm start` stops the database it left and recovers.
  process.stderr.write(`\nThe server was killed (${signal}). Run npm start again to restart it.\n`);
  process.exit(1);
});
