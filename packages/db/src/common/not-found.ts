import { NotFoundError } from '@mikro-orm/core';

/**
 * What `em.findOneOrFail` throws here (see `findOneOrFailHandler` in config.ts): it names the entity, so the
 * API can answer "No such dish" without every service writing find-then-throw, and it never carries the query.
 */
export class EntityNotFoundError extends NotFoundError {
  constructor(readonly entityName: string) {
    super(`${entityName} not found`);
  }
}
