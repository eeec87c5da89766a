import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Db, Queryable, SqlParam } from './port';

/** Embedded PostgreSQL (WASM). `dir` null keeps the database in memory (tests). */
export async function createPgliteDb(options: { dir: string | null }): Promise<Db> {
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  // int8 and numeric stay strings, as node-postgres returns them: IDs are 64-bit and travel as strings.
  const parsers = { [types.INT8]: (value: string) => value, [types.NUMERIC]: (value: string) => value };
  // pg_trgm: trigram similarity for typo-tolerant search (the search migration creates the extension).
  const pgOptions = { parsers, extensions: { pg_trgm } };
  const pg = options.dir ? await PGlite.create(options.dir, pgOptions) : await PGlite.create(pgOptions);
  const stats = { statements: 0 };

  const run = async <Row extends object>(
    target: Pick<PGlite, 'query'>,
    sql: string,
    params?: readonly SqlParam[],
  ): Promise<Row[]> => {
    stats.statements++;
    const result = await target.query<Row>(sql, params ? [...params] : undefined);
    return result.rows;
  };

  return {
    kind: 'pglite',
    stats,
    query: (sql, params) => run(pg, sql, params),
    async transaction(fn) {
      return pg.transaction(async (tx) => {
        const scoped: Queryable = { query: (sql, params) => run(tx, sql, params) };
        return fn(scoped);
      });
    },
    async exec(sql) {
      stats.statements++;
      await pg.exec(sql);
    },
    async ping() {
      await pg.query('select 1');
    },
    async close() {
      await pg.close();
    },
  };
}
