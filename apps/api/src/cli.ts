import { loadEnv } from './env';
import { createLogger } from './logger';
import { parseArgs } from 'node:util';
import { HISTORY_DEFAULTS, checkIntegrity, generateHistory, releaseEmbeddedSignalHandlers } from '@canteen/db';
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
  } else if (command === 'generate') {
    // A large history for report timings and the benchmark: `generate --orders 1000000 --employees 10000 …`.
    const { values } = parseArgs({
      args: process.argv.slice(3),
      options: Object.fromEntries(Object.keys(HISTORY_DEFAULTS).map((key) => [key, { type: 'string' as const }])),
    });
    const options = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, key === 'password' ? value : Number(value)]),
    );
    // On a new embedded database the demo people come first, as on the first start of the app.
    await seedIfWanted(db, env, logger);
    const result = await generateHistory(db.orm.em.fork(), options);
    logger.info(result, 'generated a large history');
  } else if (command === 'check') {
    // After an incident, a restore or a fault run: do money and stock still add up? Exit 1 when they do not.
    const result = await checkIntegrity(db.orm.em.fork());
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (!result.isConsistent) process.exitCode = 1;
  } else if (command === 'database') {
    // For the benchmark and the fault run: the database alone (embedded under DATA_DIR, or DATABASE_URL), migrated
    // and seeded as on a first start, its URL on stdout as one JSON line; it runs until SIGTERM or SIGINT.
    await seedIfWanted(db, env, logger);
    releaseEmbeddedSignalHandlers();
    process.stdout.write(`${JSON.stringify({ url: db.url, embedded: db.embedded !== null })}\n`);
    await new Promise<void>((resolveStop) => {
      process.once('SIGTERM', () => resolveStop());
      process.once('SIGINT', () => resolveStop());
    });
  } else if (command !== 'migrate') {
    logger.error(
      { command },
      'usage: cli.ts migrate|seed|reset|generate|check|database [--orders N --employees N --dishes N --days N]',
    );
    process.exitCode = 1;
  }
} finally {
  await db.orm.close();
  await db.embedded?.stop();
}
