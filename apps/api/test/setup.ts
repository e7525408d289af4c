import { afterAll, beforeEach } from 'vitest';
import { getTestOrm } from './db';

beforeEach(async () => {
  const orm = await getTestOrm();
  await orm.schema.clear();
});

afterAll(async () => {
  const orm = await getTestOrm();
  await orm.close(true);
});
