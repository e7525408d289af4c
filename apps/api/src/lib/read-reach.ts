import type { EntityManager } from '@mikro-orm/postgresql';
import type { SelectQueryBuilder } from 'kysely';
import { type CanteenDb, type User, kysely } from '@canteen/db';
import { departmentScope, findPersonToActOn } from './access';

/** Whose rows a list may show: these ids, the people this subquery selects, or (null) everyone. */
export type Owners = string[] | SelectQueryBuilder<CanteenDb, 'User', { id: string }> | null;

/**
 * The 'read' reach of dutyVerdict (docs/PRODUCT.md §2) for lists of rows that belong to a person (orders,
 * payments): employees their own; managers their own and their department's employees'; admins everyone's.
 * `onlyUserId` narrows the list to one person, who must be in reach (an employee's list is always their own).
 * Use as `query.where('<alias>.user', 'in', owners)` when not null.
 */
export const ownersInReadReach = async (em: EntityManager, actor: User, onlyUserId?: string): Promise<Owners> => {
  const scope = departmentScope(actor);
  if (scope.kind === 'self') return [actor.id];
  if (onlyUserId) {
    if (onlyUserId !== actor.id) await findPersonToActOn(em, actor, { userId: onlyUserId, action: 'read' });
    return [onlyUserId];
  }
  if (scope.kind === 'all') return null;
  return kysely(em)
    .selectFrom('User')
    .select('id')
    .where((eb) =>
      eb.or([eb('id', '=', actor.id), eb.and([eb('department', '=', scope.departmentId), eb('role', '=', 'employee')])]),
    );
};
