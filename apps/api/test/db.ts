import { MikroORM, type Options } from '@mikro-orm/postgresql';
import pg from 'pg';
import { inject } from 'vitest';
import { createOrmConfig } from '@canteen/db';
import { observePool } from '../src/lib/metrics';

/** Drops and recreates `name` on the test server and returns its URL. */
export const freshDatabase = async (name: string): Promise<string> => {
  const adminUrl = inject('pgAdminUrl');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/** The ORM config without the migrator's line per migration in every test file's output. */
export const quietMigrations = (config: Options): Options => ({ ...config, migrations: { ...config.migrations, silent: true } });

const workerId = () => process.env.VITEST_POOL_ID ?? '1';

let ormPromise: Promise<MikroORM> | undefined;

/**
 * One database per worker, built by the migrations as production's is (they also create the report summaries'
 * triggers, which the entity metadata does not describe); tests clear it between runs.
 */
export const getTestOrm = (): Promise<MikroORM> => {
  ormPromise ??= (async () => {
    const clientUrl = await freshDatabase(`canteen_test_${inject('runId')}_${workerId()}`);
    const orm = await MikroORM.init(
      quietMigrations(createOrmConfig({ clientUrl, pool: { max: 20 }, onPoolCreated: (pool) => observePool(pool) })),
    );
    await orm.migrator.up();
    return orm;
  })();
  return ormPromise;
};
