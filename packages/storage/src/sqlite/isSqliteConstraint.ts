export type SqliteConstraint = 'PRIMARYKEY' | 'UNIQUE' | 'FOREIGNKEY' | 'CHECK';

/** Whether `error` is a better-sqlite3 constraint violation of one of the given kinds. */
export function isSqliteConstraint(error: unknown, ...kinds: SqliteConstraint[]): boolean {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return false;
  const code = error.code;
  return kinds.some((kind) => code === `SQLITE_CONSTRAINT_${kind}`);
}
