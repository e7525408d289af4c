import { createOrmConfig } from './config';
import { readDbEnv } from './env';

// The MikroORM CLI reads this default export; the apps call createOrmConfig with their own env.
export default createOrmConfig({ clientUrl: readDbEnv().DATABASE_URL });
