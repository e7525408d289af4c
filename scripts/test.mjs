// `npm test`: install what is missing, then run every suite (unit, API integration on real PostgreSQL, browser in
// Chromium) and print `N passed, N failed, N skipped` last. Exits non-zero on any failure.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, ensureInstalled, log, pnpm } from './lib.mjs';
import { failures, summarize, summaryLine } from './summarize.mjs';

const REPORT_DIRS = ['packages/shared', 'packages/db', 'apps/api', 'apps/web', 'e2e'].map((dir) => join(ROOT, dir, 'reports'));
const OUT = join(ROOT, 'reports', process.env.TEST_RUN_NAME ?? 'npm-test');

const findChromium = () => {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path) => path && existsSync(path));
};

const ensureChromium = () => {
  const found = findChromium();
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    log('installing Chromium with apt (browser tests need it)...');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return findChromium();
  }
  return undefined;
};

await ensureInstalled();
for (const dir of [...REPORT_DIRS, OUT]) rmSync(dir, { recursive: true, force: true });

const steps = [];
const step = async (name, promise) => steps.push({ name, code: await promise });

await step('build', pnpm(['turbo', 'run', 'build', '--output-logs=errors-only']));
await step('unit + API tests', pnpm(['turbo', 'run', 'test', '--concurrency=1']));
const chromium = ensureChromium();
if (chromium) {
  await step('browser tests', pnpm(['turbo', 'run', 'e2e', '--concurrency=1'], { env: { CHROMIUM_PATH: chromium } }));
} else {
  process.stderr.write(
    '\nChromium was not found and could not be installed: install it (apt-get install chromium) or set CHROMIUM_PATH.\n',
  );
  steps.push({ name: 'browser tests (no Chromium)', code: 1 });
}

mkdirSync(OUT, { recursive: true });
for (const dir of REPORT_DIRS) if (existsSync(dir)) cpSync(dir, join(OUT, dir.split('/').at(-2)), { recursive: true });
const total = summarize([OUT]);
const failedSteps = steps.filter((s) => s.code !== 0);
// A runner that crashed before writing its report still has to fail the run.
if (failedSteps.length > 0 && total.failed === 0) total.failed = failedSteps.length;
for (const name of failures([OUT])) process.stderr.write(`failed: ${name}\n`);
for (const s of failedSteps) process.stderr.write(`step failed: ${s.name} (exit ${s.code})\n`);
process.stdout.write(`\n${summaryLine(total)}\n`);
process.exit(total.failed > 0 || failedSteps.length > 0 || total.passed === 0 ? 1 : 0);
