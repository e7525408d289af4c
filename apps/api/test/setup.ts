import { afterAll, beforeEach } from 'vitest';
import { getTestOrm } from './db';
import { stopTestJobs } from './helpers';

beforeEach(async () => {
  const orm = await getTestOrm();
  await orm.schema.clear();
});

afterAll(async () => {
  await stopTestJobs();
  const orm = await getTestOrm();
  await orm.close(true);
});
