import pg from 'pg';
import { databaseUrl } from './services';

/** Direct PostgreSQL access for set-up and inspection: never on a measured path. */

export async function withPg<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the database when missing; returns whether it had to. */
export async function ensureDatabase(database: string): Promise<boolean> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`unsafe database name ${database}`);
  return withPg('postgres', async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount) return false;
    await client.query(`create database ${database}`);
    return true;
  });
}

/** Whether a table exists in the public schema (a database the server never started on has none). */
export async function tableExists(client: pg.Client, table: string): Promise<boolean> {
  const { rows } = await client.query<{ found: boolean }>('select to_regclass($1) is not null as found', [
    `public.${table}`,
  ]);
  return rows[0]?.found ?? false;
}
