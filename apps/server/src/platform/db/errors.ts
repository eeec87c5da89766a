/** Recognises PostgreSQL errors by SQLSTATE; node-postgres and PGlite both expose `code` (and `constraint` when known). */
function sqlState(error: unknown): { code?: string; constraint?: string; message?: string } {
  return typeof error === 'object' && error !== null ? (error as { code?: string; constraint?: string }) : {};
}

/** 23505: a unique index refused the row. `index` narrows to one index when given. */
export function isUniqueViolation(error: unknown, index?: string): boolean {
  const e = sqlState(error);
  if (e.code !== '23505') return false;
  if (!index) return true;
  return e.constraint === index || (e.message?.includes(`"${index}"`) ?? false);
}

/** 23503: a foreign key points at a row that is gone (the target was deleted meanwhile). */
export function isForeignKeyViolation(error: unknown): boolean {
  return sqlState(error).code === '23503';
}
