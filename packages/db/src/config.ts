import { defineConfig, type Options } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';
import { Migrator } from '@mikro-orm/migrations';
import { AuditSubscriber } from './audit/audit.subscriber';
import { EntityNotFoundError } from './common/not-found';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { UserChangeSubscriber } from './user/user-changes';

export type OrmConfigInput = {
  clientUrl: string;
  debug?: boolean;
  pool?: { min?: number; max?: number };
  logger?: (message: string) => void;
  /** Called with the pg pool once it exists (the API watches its connections and times its statements). */
  onPoolCreated?: (pool: Pool) => void;
  /** Streaming replicas: read only when a query asks for one (`readKysely`), never by default. */
  replicaUrls?: string[];
};

/** The one ORM configuration; apps pass their validated env in. */
export const createOrmConfig = ({
  clientUrl,
  debug = false,
  pool,
  logger,
  onPoolCreated,
  replicaUrls = [],
}: OrmConfigInput): Options =>
  defineConfig({
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    subscribers: [new AuditSubscriber(), new UserChangeSubscriber()],
    debug,
    ...(logger ? { logger } : {}),
    pool: { min: pool?.min ?? 0, max: pool?.max ?? 10 },
    ...(onPoolCreated ? { driverOptions: { onPoolCreated } } : {}),
    // MikroORM would send every find outside a transaction to a replica; only reads that say so go there.
    preferReadReplicas: false,
    ...(replicaUrls.length > 0 ? { replicas: replicaUrls.map((url, i) => ({ name: `replica-${i + 1}`, clientUrl: url })) } : {}),
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
    findOneOrFailHandler: (entityName) => new EntityNotFoundError(entityName),
    migrations: {
      path: new URL('./migrations', import.meta.url).pathname,
      pathTs: new URL('./migrations', import.meta.url).pathname,
      migrationsList: MIGRATIONS,
      snapshotName: '.snapshot-canteen',
      transactional: true,
      allOrNothing: true,
    },
    // The report summaries' triggers and `report_rebuild()` are written by hand in their migration (statement-level
    // triggers with transition tables, which entity definitions cannot express); the diff must not drop them.
    schemaGenerator: { ignoreTriggers: true, ignoreRoutines: true },
  });
