import type { SettingsStore } from '../interfaces/SettingsStore.ts';
import { bindBytes } from './bindBytes.ts';
import { readBytes } from './readBytes.ts';
import type { SqlRunner } from './SqlRunner.ts';

export class SqliteSettingsStore implements SettingsStore {
  readonly #sql: SqlRunner;

  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  async get(key: string): Promise<Uint8Array | null> {
    return this.#sql.run((conn) => {
      const row = conn.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: Buffer } | undefined;
      return row ? readBytes(row.value) : null;
    });
  }

  async put(key: string, value: Uint8Array): Promise<void> {
    await this.#sql.run((conn) =>
      conn
        .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
        .run(key, bindBytes(value)),
    );
  }
}
