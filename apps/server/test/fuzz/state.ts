import type { Db } from '../../src/platform/db';

/**
 * A fingerprint of every table (row count and a digest of its rows), taken in one statement, so a
 * refused call can be checked to have changed nothing at all, whatever tables its mutation touches.
 */
export type Snapshot = Record<string, string>;

/** Columns that change on reads, not writes: a session's last use is touched by any request. */
const VOLATILE: Record<string, string> = {
  sessions: 'id, user_id, token_hash, expires_at',
};

export async function snapshotter(db: Db): Promise<() => Promise<Snapshot>> {
  const tables = (
    await db.query<{ name: string }>(
      `/* fuzzTables */ select table_name as name from information_schema.tables
       where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`,
    )
  ).map((row) => row.name);
  const parts = tables.map((table) => {
    const row = VOLATILE[table] ? `(${VOLATILE[table]})` : 't';
    return `'${table}', (select count(*) || ':' || md5(coalesce(string_agg(${row}::text, '|' order by ${row}::text), '')) from "${table}" t)`;
  });
  const sql = `/* fuzzSnapshot */ select json_build_object(${parts.join(', ')}) as state`;
  return async () => {
    const [row] = await db.query<{ state: Snapshot | string }>(sql);
    const state = row!.state;
    return typeof state === 'string' ? (JSON.parse(state) as Snapshot) : state;
  };
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}
