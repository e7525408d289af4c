import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { findFreePort } from '../packages/db/src/ports';
import { chromiumLaunchOptions } from './chromium.mjs';

/**
 * Free ports, chosen once by the runner (which starts the web server) and handed to the test workers through the
 * environment they inherit: the workers load this config too and must arrive at the same URL. E2E_PORT pins the
 * HTTP port. Other test runs and servers share the machine, so no fixed port is assumed free.
 */
const isRunner = process.env.TEST_WORKER_INDEX === undefined;
if (isRunner) {
  // From a random point in a range: two runs starting together (two checkouts) would both find 3100 free, and the
  // second to bind would fail.
  const from = (base: number) => base + Math.floor(Math.random() * 2_000);
  process.env.E2E_PORT ||= String(await findFreePort(from(3100)));
  process.env.E2E_PG_PORT ||= String(await findFreePort(from(5500)));
}
const port = Number(process.env.E2E_PORT);
const baseURL = `http://localhost:${port}`;
const DATA_DIR_PREFIX = 'canteen-e2e-';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Earlier runs' databases, once their PostgreSQL has stopped (its postmaster.pid names a dead process or is gone). */
const removeStaleDataDirs = (): void => {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(DATA_DIR_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    const pidFile = join(dir, 'postgres', 'postmaster.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
    if (!pid || !isAlive(pid)) rmSync(dir, { recursive: true, force: true });
  }
};

/**
 * A fresh embedded database for every run, so every run starts from the same demo data. The config is also
 * loaded by each test worker; only the runner (which starts the web server) needs the folder.
 */
const makeDataDir = (): string => {
  if (!isRunner) return '';
  removeStaleDataDirs();
  const dir = mkdtempSync(join(tmpdir(), DATA_DIR_PREFIX));
  // Run as root, the embedded server is the `postgres` user and must be able to enter this folder (mkdtemp gives 700).
  chmodSync(dir, 0o755);
  return dir;
};
const dataDir = makeDataDir();

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.TEST_REPORT_DIR ? `${process.env.TEST_REPORT_DIR}/e2e.json` : 'reports/e2e.json' }],
  ],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
    // The app's service worker would answer some requests itself, out of page.route's reach; the PWA test allows it.
    serviceWorkers: 'block',
  },
  webServer: {
    command: 'node ../apps/api/dist/main.js',
    url: `${baseURL}/health/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM lets the API stop its embedded PostgreSQL cleanly.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    // Playwright merges these over process.env. PATH keeps `node` on Node 24; DATABASE_URL and REDIS_URL are
    // blanked (the API treats empty as unset) so every run gets its own embedded PostgreSQL with fresh demo data.
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? '',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
      NODE_ENV: 'test',
      DATABASE_URL: '',
      REDIS_URL: '',
      WEB_DIST: '',
    },
  },
});
