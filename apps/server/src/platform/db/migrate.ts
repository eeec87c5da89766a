import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './port';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
/** Any constant: serialises concurrent migrators (several processes starting at once on one PostgreSQL). */
const MIGRATION_LOCK = 727_001;

/** Applies pending plain-SQL migrations (timestamp-named files) in order, all in one transaction. */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return db.transaction(async (tx) => {
    await tx.query('/* migrationLock */ select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // Under the lock: concurrent `create table if not exists` on a fresh database can still collide.
    await tx.query(
      'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
    );
    const applied = new Set(
      (await tx.query<{ name: string }>('/* appliedMigrations */ select name from schema_migrations')).map(
        (r) => r.name,
      ),
    );
    const pending = files.filter((f) => !applied.has(f));
    for (const file of pending) {
      const sql = readFileSync(path.join(dir, file), 'utf8');
      // Migrations are plain multi-statement SQL; run them statement by statement inside the transaction.
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('/* recordMigration */ insert into schema_migrations (name) values ($1)', [file]);
    }
    return pending;
  });
}

/** Splits on semicolons that end a line, keeping dollar-quoted function bodies whole. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of sql.split('\n')) {
    const trimmed = line.trim();
    if (!inDollar && (trimmed.startsWith('--') || trimmed === '')) continue;
    current += `${line}\n`;
    const dollars = line.match(/\$\$/g)?.length ?? 0;
    if (dollars % 2 === 1) inDollar = !inDollar;
    if (!inDollar && trimmed.endsWith(';')) {
      statements.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
