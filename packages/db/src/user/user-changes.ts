import { EventEmitter } from 'node:events';
import type { EventArgs, EventSubscriber } from '@mikro-orm/core';
import { User } from './user.entity';

/**
 * Tells this process that a person's row changed (role, department, active, password, sign-ins voided...), so
 * whatever it caches about them (the API's signed-in user cache) is dropped at once. Flushes of a User emit it
 * through UserChangeSubscriber; code that updates `app_user` with SQL calls `userChanged` itself.
 */
export const userChanges = new EventEmitter<{ changed: [userId: string] }>();
userChanges.setMaxListeners(0);

export const userChanged = (userId: string): void => {
  userChanges.emit('changed', userId);
};

export class UserChangeSubscriber implements EventSubscriber<User> {
  getSubscribedEntities() {
    return [User];
  }

  afterUpdate({ entity }: EventArgs<User>): void {
    userChanged(entity.id);
  }

  afterDelete({ entity }: EventArgs<User>): void {
    userChanged(entity.id);
  }
}
