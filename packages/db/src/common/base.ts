import { p } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

/** Columns every table carries: a time-ordered UUIDv7 made by the app, and create/update stamps. */
export const baseProperties = {
  id: p
    .uuid()
    .primary()
    .onCreate(() => uuidv7()),
  createdAt: p.datetime().onCreate(() => new Date()),
  updatedAt: p
    .datetime()
    .onCreate(() => new Date())
    .onUpdate(() => new Date()),
};

export const newId = (): string => uuidv7();
