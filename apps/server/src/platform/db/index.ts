import type { Config } from '../../config';
import { createPgliteDb } from './pglite';
import type { Db } from './port';
import { createPostgresDb } from './postgres';

export type { Db, Queryable, SqlParam } from './port';

export function createDb(config: Config['database']): Promise<Db> {
  return config.kind === 'postgres'
    ? createPostgresDb({ url: config.url, poolSize: config.poolSize })
    : createPgliteDb({ dir: config.dir });
}
