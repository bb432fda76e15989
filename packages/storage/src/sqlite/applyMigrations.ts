import type { Database } from 'better-sqlite3';
import { StorageError } from '../StorageError.ts';
import type { Migration } from './migrations.ts';

/**
 * Brings the schema up to date in one IMMEDIATE transaction, so two processes opening the same
 * file at once apply each migration exactly once (the second waits, then finds nothing to do).
 * @throws StorageError('UNSUPPORTED_SCHEMA') when the file was migrated by a newer build.
 */
export function applyMigrations(db: Database, migrations: readonly Migration[], now: number): void {
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at INTEGER NOT NULL
    ) STRICT`);
    const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
    const current = row.version ?? 0;
    const latest = migrations.at(-1)?.version ?? 0;
    if (current > latest) {
      throw new StorageError('UNSUPPORTED_SCHEMA', `database schema v${current} is newer than this build (v${latest})`);
    }
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now);
    }
  }).immediate();
}
