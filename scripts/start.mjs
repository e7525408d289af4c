// `npm start`: install what is missing, build, and serve Canteen on http://localhost:3000 (PORT overrides).
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

log(process.env.DATABASE_URL ? 'starting (DATABASE_URL)...' : 'starting (embedded PostgreSQL under .data/)...');
const server = spawn(nodeBinary(), [join(ROOT, 'apps', 'api', 'dist', 'main.js')], { cwd: ROOT, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
