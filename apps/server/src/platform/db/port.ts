/** The database port: one interface over PGlite (embedded) and node-postgres (real PostgreSQL). */

export type SqlParam =
  | string
  | number
  | bigint
  | boolean
  | null
  | Date
  | Buffer
  | readonly string[]
  | readonly number[];

export interface Queryable {
  /** Runs one statement and returns its rows. Name each statement with a leading comment: `/* feedPage *\/`. */
  query<Row extends object>(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` inside one transaction; rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements separated by semicolons, with no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Statements run since start: tests count them to prove a page costs a constant number. */
  readonly stats: { statements: number };
  ping(): Promise<void>;
  close(): Promise<void>;
}
