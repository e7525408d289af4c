import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@canteen/db';

/*
 * The real parts of the scale-out proof (issue 11, item 5), started by the test itself from Debian's packages:
 * a PostgreSQL 15 primary and a streaming standby made with pg_basebackup, nginx, Prometheus, and API processes
 * from the production build. Each lives in its own temporary directory on free ports, so the proof runs beside
 * any other server of ours; `stop()` ends them all.
 */

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const isRoot = process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user, on directories it owns. */
const asPostgres = (command: string, args: string[]): [string, string[]] =>
  isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];

export const run = (command: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}) => {
  const [file, argv] = asPostgres(command, args);
  return execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } }).toString();
};

const scratchDirs: string[] = [];

/** A directory the postgres user may write (0777, under the system's temporary directory; see `removeScratch`). */
export const scratchDir = (name: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `canteen-scale-${name}-`));
  chmodSync(dir, 0o777);
  scratchDirs.push(dir);
  return dir;
};

/** Removes every scratch directory, once the servers in them have stopped. */
export const removeScratch = (): void => {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
};

export type Postgres = { port: number; url: (database: string) => string; dataDir: string; stop: () => void };

export const pgCtl = (dataDir: string, action: 'start' | 'stop', logFile: string) =>
  run(`${PG_BIN}/pg_ctl`, ['-D', dataDir, '-l', logFile, '-w', '-t', '60', ...(action === 'stop' ? ['-m', 'fast'] : []), action]);

export const postgresAt = (dataDir: string, port: number, logFile: string): Postgres => ({
  port,
  dataDir,
  url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
  stop: () => {
    try {
      pgCtl(dataDir, 'stop', logFile);
    } catch {
      // Already stopped.
    }
  },
});

/**
 * A fresh primary that accepts streaming replication from this machine (trust on 127.0.0.1 only); with
 * `archiveDir`, every finished WAL segment is also copied there (continuous archiving, for point-in-time recovery).
 */
export const startPrimary = async (options: { archiveDir?: string } = {}): Promise<Postgres> => {
  const root = scratchDir('primary');
  const dataDir = join(root, 'data');
  const port = await findFreePort(55_432);
  run(`${PG_BIN}/initdb`, ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale', 'C.UTF-8']);
  writeFileSync(
    join(dataDir, 'postgresql.auto.conf'),
    [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${root}'`,
      'wal_level = replica',
      'max_wal_senders = 5',
      'hot_standby = on',
      'fsync = off',
      'synchronous_commit = on',
      ...(options.archiveDir
        ? ['archive_mode = on', `archive_command = 'test ! -f ${options.archiveDir}/%f && cp %p ${options.archiveDir}/%f'`]
        : []),
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dataDir, 'pg_hba.conf'),
    ['local all all trust', 'host all all 127.0.0.1/32 trust', 'host replication all 127.0.0.1/32 trust'].join('\n'),
  );
  const log = join(root, 'postgres.log');
  pgCtl(dataDir, 'start', log);
  return postgresAt(dataDir, port, log);
};

/**
 * A copy of `primary`'s data directory into `dataDir` with pg_basebackup, starting at once (a fast checkpoint)
 * rather than at the primary's next one; `args` say what else (`-R` for a standby, `-X none` for a base backup).
 */
export const baseBackup = (primary: Postgres, dataDir: string, args: string[]): void => {
  run(`${PG_BIN}/pg_basebackup`, [
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    dataDir,
    '--checkpoint=fast',
    ...args,
  ]);
};

/** A hot standby of `primary`, copied with pg_basebackup and streaming from it (`-R` writes standby.signal). */
export const startStandby = async (primary: Postgres): Promise<Postgres> => {
  const root = scratchDir('standby');
  const dataDir = join(root, 'data');
  const port = await findFreePort(56_432);
  baseBackup(primary, dataDir, ['-R', '-X', 'stream']);
  const auto = readFileSync(join(dataDir, 'postgresql.auto.conf'), 'utf8')
    .split('\n')
    .filter((line) => !/^(port|unix_socket_directories)\s*=/.test(line));
  writeFileSync(
    join(dataDir, 'postgresql.auto.conf'),
    [...auto, `port = ${port}`, `unix_socket_directories = '${root}'`].join('\n'),
  );
  const log = join(root, 'postgres.log');
  pgCtl(dataDir, 'start', log);
  return postgresAt(dataDir, port, log);
};

/** A long-running child whose output is kept (and shown when a check fails). */
export type Proc = { child: ChildProcess; output: () => string; kill: (signal?: NodeJS.Signals) => Promise<void> };

export const spawnProc = (command: string, args: string[], env: NodeJS.ProcessEnv = {}): Proc => {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
};

/** Polls `check` until it returns a value (not undefined), or fails with what it last saw. */
export const waitFor = async <T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const ROOT = new URL('../../../', import.meta.url).pathname;

/** The production build on its own port: one API process unless `env` sets API_PROCESSES. */
export const startApi = async (env: NodeJS.ProcessEnv): Promise<Proc & { port: number; url: string }> => {
  const port = await findFreePort(0);
  const proc = spawnProc(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'apps/api/dist/main.js')], {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    API_PROCESSES: '1',
    ...env,
    PORT: String(port),
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`the API on ${port} (${proc.output().slice(-500)})`, async () =>
    (await fetch(`${url}/health/ready`)).ok ? true : undefined,
  );
  return { ...proc, port, url };
};

/** nginx from deploy/nginx/canteen.conf, with the upstream servers pointed at `apiPorts`. */
export const startNginx = async (apiPorts: number[]): Promise<Proc & { url: string }> => {
  const prefix = scratchDir('nginx');
  for (const dir of ['logs', 'temp']) mkdirSync(join(prefix, dir), { mode: 0o777, recursive: true });
  const port = await findFreePort(0);
  const site = readFileSync(join(ROOT, 'deploy/nginx/canteen.conf'), 'utf8')
    .replace(/^\s*server api-\d+:3000[^;]*;\n/gm, '')
    .replace(
      /upstream canteen_api \{\n/,
      `upstream canteen_api {\n${apiPorts.map((p) => `  server 127.0.0.1:${p} max_fails=1 fail_timeout=30s;\n`).join('')}`,
    )
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`);
  writeFileSync(join(prefix, 'site.conf'), site);
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(prefix, 'nginx.pid')};`,
      `error_log ${join(prefix, 'logs/error.log')} warn;`,
      'events { worker_connections 512; }',
      'http {',
      `  access_log ${join(prefix, 'logs/access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `  ${k}_temp_path ${join(prefix, 'temp', k)};`),
      `  include ${join(prefix, 'site.conf')};`,
      '}',
    ].join('\n'),
  );
  const proc = spawnProc('nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf')]);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`nginx on ${port} (${proc.output()})`, async () => ((await fetch(`${url}/health/live`)).ok ? true : undefined));
  return { ...proc, url };
};

/** Prometheus from deploy/prometheus/prometheus.yml, scraping `apiPorts` every second with the metrics token. */
export const startPrometheus = async (apiPorts: number[], token: string): Promise<Proc & { url: string }> => {
  const dir = scratchDir('prometheus');
  writeFileSync(join(dir, 'canteen-metrics-token'), token);
  const config = readFileSync(join(ROOT, 'deploy/prometheus/prometheus.yml'), 'utf8')
    .replace(/scrape_interval: \d+s/, 'scrape_interval: 1s')
    .replace(/targets: \[[^\]]*\]/, `targets: [${apiPorts.map((p) => `'127.0.0.1:${p}'`).join(', ')}]`);
  writeFileSync(join(dir, 'prometheus.yml'), config);
  writeFileSync(join(dir, 'alerts.yml'), readFileSync(join(ROOT, 'deploy/prometheus/alerts.yml'), 'utf8'));
  const port = await findFreePort(0);
  const proc = spawnProc('prometheus', [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
  ]);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`Prometheus on ${port}`, async () => ((await fetch(`${url}/-/ready`)).ok ? true : undefined));
  return { ...proc, url };
};

export const hasScaleParts = (): string | null => {
  for (const [name, path] of [
    ['PostgreSQL 15 server binaries', `${PG_BIN}/postgres`],
    ['the production build', join(ROOT, 'apps/api/dist/main.js')],
  ] as const) {
    if (!existsSync(path)) return `${name} missing (${path})`;
  }
  for (const command of ['nginx', 'prometheus']) {
    try {
      execFileSync('sh', ['-c', `command -v ${command}`]);
    } catch {
      return `${command} missing (apt-get install ${command})`;
    }
  }
  return null;
};
