import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { inject } from 'vitest';
import { createOrmConfig } from '@canteen/db';

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

const workerId = () => process.env.VITEST_POOL_ID ?? '1';

let ormPromise: Promise<MikroORM> | undefined;

/** One database per worker, schema built from metadata once; tests clear it between runs. */
export const getTestOrm = (): Promise<MikroORM> => {
  ormPromise ??= (async () => {
    const clientUrl = await freshDatabase(`canteen_test_${inject('runId')}_${workerId()}`);
    const orm = await MikroORM.init(createOrmConfig({ clientUrl, pool: { max: 20 } }));
    await orm.schema.create();
    return orm;
  })();
  return ormPromise;
};
