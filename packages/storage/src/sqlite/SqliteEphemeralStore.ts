import type { EphemeralStore } from '../interfaces/EphemeralStore.ts';
import { bindBytes } from './bindBytes.ts';
import { readBytes } from './readBytes.ts';
import type { SqlRunner } from './SqlRunner.ts';

export class SqliteEphemeralStore implements EphemeralStore {
  readonly #sql: SqlRunner;

  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  async put(namespace: string, key: string, value: Uint8Array, expiresAt: number): Promise<void> {
    await this.#sql.run((conn) =>
      conn
        .prepare(
          `INSERT INTO ephemeral (namespace, key, value, expires_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
        )
        .run(namespace, key, bindBytes(value), expiresAt),
    );
  }

  async take(namespace: string, key: string, now: number): Promise<Uint8Array | null> {
    return this.#sql.run((conn) => {
      // One statement, so two processes can never both take the same value.
      const row = conn
        .prepare('DELETE FROM ephemeral WHERE namespace = ? AND key = ? RETURNING value, expires_at')
        .get(namespace, key) as { value: Buffer; expires_at: number } | undefined;
      return row && now < row.expires_at ? readBytes(row.value) : null;
    });
  }

  async purge(now: number): Promise<number> {
    return this.#sql.run((conn) => conn.prepare('DELETE FROM ephemeral WHERE expires_at <= ?').run(now).changes);
  }
}
