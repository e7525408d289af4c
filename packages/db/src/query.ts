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
