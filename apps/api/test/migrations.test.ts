import { MikroORM } from '@mikro-orm/postgresql';
import { describe, expect, inject, it } from 'vitest';
import { createOrmConfig } from '@canteen/db';
import { freshDatabase } from './db';

describe('migrations', () => {
  it('build exactly the schema the entities describe', async () => {
    const clientUrl = await freshDatabase(`canteen_test_${inject('runId')}_migrations_${process.env.VITEST_POOL_ID ?? '1'}`);
    const orm = await MikroORM.init(createOrmConfig({ clientUrl }));
    try {
      await orm.migrator.up();
      expect(await orm.migrator.getPending()).toEqual([]);
      const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
      expect(diff.trim(), 'entities changed without a migration: run pnpm db:migration:create').toBe('');
    } finally {
      await orm.close(true);
    }
  });
});
