import { EventEmitter } from 'node:events';
import type { EventArgs, EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import { User } from './user.entity';

/**
 * Tells this process that a person's row changed (role, department, active, password, sign-ins voided...), so
 * whatever it caches about them (the API's signed-in user cache) is dropped. Flushes of a User emit it through
 * UserChangeSubscriber; code that updates `app_user` with SQL calls `userChanged` itself (and again after its
 * commit).
 */
export const userChanges = new EventEmitter<{ changed: [userId: string] }>();
userChanges.setMaxListeners(0);

export const userChanged = (userId: string): void => {
  userChanges.emit('changed', userId);
};

/** Changed in a transaction not yet committed, by its EntityManager: told again once it has committed. */
const uncommitted = new WeakMap<object, Set<string>>();

/**
 * Emits at the flush (a cache drops the person at once) and again after the commit: a request that read the old
 * row between the two would otherwise keep it for the cache's lifetime.
 */
export class UserChangeSubscriber implements EventSubscriber<User> {
  getSubscribedEntities() {
    return [User];
  }

  afterUpdate({ entity, em }: EventArgs<User>): void {
    this.changed(em, entity.id);
  }

  afterDelete({ entity, em }: EventArgs<User>): void {
    this.changed(em, entity.id);
  }

  afterTransactionCommit({ em }: TransactionEventArgs): void {
    const ids = uncommitted.get(em);
    if (!ids) return;
    uncommitted.delete(em);
    for (const id of ids) userChanged(id);
  }

  afterTransactionRollback({ em }: TransactionEventArgs): void {
    uncommitted.delete(em);
  }

  private changed(em: object, userId: string): void {
    userChanged(userId);
    const ids = uncommitted.get(em) ?? new Set<string>();
    ids.add(userId);
    uncommitted.set(em, ids);
  }
}
