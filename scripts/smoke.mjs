// Starts the built API on a given DATABASE_URL (+ REDIS_URL), checks readiness and a demo sign-in, then stops it
// with SIGTERM and expects a clean exit. Used by CI for the "beyond one machine" configuration.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, freePort, log, nodeBinary, workspaceEnv } from './lib.mjs';

const [databaseUrl, redisUrl] = process.argv.slice(2);
const port = await freePort();
const server = spawn(nodeBinary(), [join(ROOT, 'apps/api/dist/main.js')], {
  cwd: ROOT,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: workspaceEnv({
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl ?? '',
    SEED_DEMO: '1',
    JWT_SECRET: 'ci-smoke-secret-0123456789-0123456789-abcdef',
    LOG_LEVEL: 'warn',
  }),
});
const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
const base = `http://127.0.0.1:${port}`;

const check = async () => {
  for (let attempt = 0; attempt < 120; attempt++) {
    const ready = await fetch(`${base}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const login = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: 'admin@canteen.test', password: 'Canteen-Demo-2026' }),
  });
  if (login.status !== 200) throw new Error(`demo sign-in answered ${login.status}`);
  const page = await fetch(`${base}/`);
  if (!page.ok || !(await page.text()).includes('<div id="root">')) throw new Error('web app not served');
  log('smoke: ready, demo sign-in and web app OK');
};

let ok = true;
try {
  await check();
} catch (error) {
  ok = false;
  process.stderr.write(`smoke failed: ${error.message}\n`);
}
server.kill('SIGTERM');
const code = await exited;
if (code !== 0) {
  ok = false;
  process.stderr.write(`server exited with ${code} after SIGTERM\n`);
}
process.exit(ok ? 0 : 1);
