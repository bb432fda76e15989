import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { applyMigrations } from './applyMigrations.ts';
import { migrations } from './migrations.ts';

/** How long a statement waits for the other process (web vs collab server) to release the file. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating if needed, mode 0600) and migrates a database file, or `:memory:`.
 * WAL lets the web and collab servers read while the other writes; synchronous=FULL makes a
 * commit durable before it returns, so an acknowledged write survives power loss.
 */
export function openSqliteDatabase(filename: string): Database.Database {
  if (filename !== ':memory:') closeSync(openSync(filename, 'a', 0o600));
  const db = new Database(filename);
  try {
    db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, migrations, Date.now());
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
