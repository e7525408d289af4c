import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type RunningPostgres } from '@canteen/db';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a maintenance database on the test server; workers create their own databases beside it. */
    pgAdminUrl: string;
    redisUrl: string | null;
  }
}

const TEST_PG_PORT = 5496;
let embedded: RunningPostgres | undefined;

/** Uses DATABASE_URL's server when given, otherwise starts an embedded PostgreSQL kept under the OS temp dir. */
export default async function setup(project: TestProject) {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    project.provide('pgAdminUrl', configured);
  } else {
    const dataDir = join(tmpdir(), 'canteen-test-postgres');
    mkdirSync(tmpdir(), { recursive: true });
    embedded = await startEmbeddedPostgres({ dataDir, port: TEST_PG_PORT });
    project.provide('pgAdminUrl', embedded.urlFor('postgres'));
  }
  project.provide('redisUrl', process.env.REDIS_URL ?? null);
  return async () => {
    await embedded?.stop();
  };
}
