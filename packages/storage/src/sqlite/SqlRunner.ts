import type { SqliteConnection } from './SqliteConnection.ts';

/**
 * Where a store's statements run: stand-alone (serialised against transactions) or inside
 * one particular transaction. `fn` is synchronous, so it is atomic within the process.
 */
export interface SqlRunner {
  run<T>(fn: (conn: SqliteConnection) => T): Promise<T>;
}
