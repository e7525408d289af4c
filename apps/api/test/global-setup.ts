import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { findFreePort, startEmbeddedPostgres, type RunningPostgres } from '@canteen/db';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a maintenance database on the test server; workers create their own databases beside it. */
    pgAdminUrl: string;
    redisUrl: string | null;
    /** Unique per test run, so two runs on one server never share a database name. */
    runId: string;
  }
}

/**
 * Uses DATABASE_URL's server when given, otherwise starts an embedded PostgreSQL in a fresh temp folder on a free
 * port: two test runs on one machine (two checkouts, or a run beside `npm start`) never collide.
 */
export default async function setup(project: TestProject) {
  const configured = process.env.DATABASE_URL;
  const runId = `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
  let embedded: RunningPostgres | undefined;
  let dataHolder: string | undefined;
  let adminUrl: string;
  if (configured) {
    adminUrl = configured;
  } else {
    dataHolder = mkdtempSync(join(tmpdir(), 'canteen-api-test-'));
    chmodSync(dataHolder, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir: join(dataHolder, 'postgres'), port: await findFreePort(5496) });
    adminUrl = embedded.urlFor('postgres');
  }
  project.provide('pgAdminUrl', adminUrl);
  project.provide('redisUrl', process.env.REDIS_URL ?? null);
  project.provide('runId', runId);
  return async () => {
    if (embedded) {
      await embedded.stop();
      if (dataHolder) rmSync(dataHolder, { recursive: true, force: true });
      return;
    }
    // On a shared server, drop this run's databases.
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [
        `canteen_test_${runId}_%`,
      ]);
      for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
    } finally {
      await client.end();
    }
  };
}
