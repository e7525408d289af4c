import { loadEnv } from './env';
import { createLogger } from './logger';
import { openDatabase, seedIfWanted } from './database';

const command = process.argv[2];
const env = loadEnv();
const logger = createLogger(env.LOG_LEVEL);

if (command === 'reset' && env.NODE_ENV === 'production') {
  logger.fatal('db:reset refuses to run with NODE_ENV=production');
  process.exit(1);
}
const db = await openDatabase(env, logger);
try {
  if (command === 'reset') {
    await db.orm.schema.drop({ dropMigrationsTable: true });
    await db.orm.migrator.up();
    await seedIfWanted(db, { ...env, SEED_DEMO: env.SEED_DEMO ?? true }, logger);
  } else if (command === 'seed') {
    await seedIfWanted(db, { ...env, SEED_DEMO: true }, logger);
  } else if (command !== 'migrate') {
    logger.error({ command }, 'usage: cli.ts migrate|seed|reset');
    process.exitCode = 1;
  }
} finally {
  await db.orm.close();
  await db.embedded?.stop();
}
