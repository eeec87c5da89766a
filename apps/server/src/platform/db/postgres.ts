import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Db, Queryable, SqlParam } from './port';

/** A real PostgreSQL through a node-postgres pool. int8 stays a string (pg's default), timestamptz becomes Date. */
export async function createPostgresDb(options: { url: string; poolSize: number }): Promise<Db> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize });
  const stats = { statements: 0 };
  // Surface pool-level errors (a backend restart) instead of crashing on an unhandled 'error' event.
  pool.on('error', () => {});

  // Every statement is prepared once per connection under a name derived from its text: planning is
  // most of the cost of the small, indexed statements a page runs.
  const names = new Map<string, string>();
  const nameOf = (sql: string) => {
    let name = names.get(sql);
    if (!name) {
      name = `g${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
      names.set(sql, name);
    }
    return name;
  };

  const run = async <Row extends object>(
    target: pg.Pool | pg.PoolClient,
    sql: string,
    params?: readonly SqlParam[],
  ): Promise<Row[]> => {
    stats.statements++;
    const result = await target.query({ name: nameOf(sql), text: sql, values: params ? [...params] : [] });
    return result.rows as Row[];
  };

  await pool.query('select 1');

  return {
    kind: 'postgres',
    stats,
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const scoped: Queryable = { query: (sql, params) => run(client, sql, params) };
        const result = await fn(scoped);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      stats.statements++;
      await pool.query(sql);
    },
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await pool.end();
    },
  };
}
