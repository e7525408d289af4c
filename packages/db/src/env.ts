/** For the MikroORM CLI only; the API validates its own env and passes values to createOrmConfig. */
export const readDbEnv = (): { DATABASE_URL: string } => ({
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/canteen_dev',
});
