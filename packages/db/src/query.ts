import type { InferKyselyDB, SqlEntityManager } from '@mikro-orm/postgresql';
import type { Kysely } from 'kysely';
import type { ENTITIES } from './entities';

/**
 * Queries name entities and properties (`Product`, `priceCents`); MikroORM's plugin maps them to tables and
 * columns, and converts values as entities do (timestamps come back as `Date`, matching the inferred types).
 */
const OPTIONS = { tableNamingStrategy: 'entity', columnNamingStrategy: 'property', convertValues: true } as const;

/** Every entity as a Kysely table, typed from its `defineEntity` properties. */
export type CanteenDb = InferKyselyDB<(typeof ENTITIES)[number], typeof OPTIONS>;

/**
 * The typed query builder for what `em.find` cannot say (aggregates, keyset tuples, array and full-text
 * operators, atomic updates). It is bound to `em`'s current transaction: inside `em.transactional(...)` every
 * query joins that transaction and its locks without being told (docs/adr/0007-query-layer.md).
 */
export const kysely = (em: SqlEntityManager): Kysely<CanteenDb> => em.getKysely<CanteenDb>(OPTIONS);

/**
 * `kysely(em)` on a read replica (DATABASE_REPLICA_URLS) when `fromReplica` is true and one is configured, for
 * reads that may lag the primary by a moment: reports and lists. Without replicas MikroORM answers 'read' with the
 * primary; inside a transaction it is always that transaction's connection (docs/adr/0010-read-replicas.md).
 */
export const readKysely = (em: SqlEntityManager, fromReplica: boolean): Kysely<CanteenDb> =>
  fromReplica ? em.getKysely<CanteenDb>({ ...OPTIONS, type: 'read' }) : kysely(em);
