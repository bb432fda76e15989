import type { QuotaLedger, QuotaUsage } from '../interfaces/QuotaLedger.ts';
import { StorageError } from '../StorageError.ts';
import { isSqliteConstraint } from './isSqliteConstraint.ts';
import type { SqliteConnection } from './SqliteConnection.ts';
import type { SqlRunner } from './SqlRunner.ts';

interface QuotaRow {
  used: number;
  limit_bytes: number | null;
}

function assertByteCount(bytes: number): void {
  if (!Number.isSafeInteger(bytes) || bytes < 0) throw new RangeError('byte count must be a non-negative integer');
}

function readUsage(conn: SqliteConnection, userId: string): QuotaUsage {
  const row = conn.prepare('SELECT used, limit_bytes FROM quotas WHERE user_id = ?').get(userId) as QuotaRow | undefined;
  return { used: row?.used ?? 0, limit: row?.limit_bytes ?? null };
}

/** Creates the account's row if missing; an unknown account is NOT_FOUND. */
function ensureRow(conn: SqliteConnection, userId: string): void {
  try {
    conn.prepare('INSERT INTO quotas (user_id) VALUES (?) ON CONFLICT (user_id) DO NOTHING').run(userId);
  } catch (error) {
    if (isSqliteConstraint(error, 'FOREIGNKEY')) {
      throw new StorageError('NOT_FOUND', 'quota account not found', { cause: error });
    }
    throw error;
  }
}

export class SqliteQuotaLedger implements QuotaLedger {
  readonly #sql: SqlRunner;

  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  async usage(userId: string): Promise<QuotaUsage> {
    return this.#sql.run((conn) => readUsage(conn, userId));
  }

  async setLimit(userId: string, bytes: number | null): Promise<void> {
    if (bytes !== null) assertByteCount(bytes);
    await this.#sql.run((conn) =>
      conn.atomic(() => {
        ensureRow(conn, userId);
        conn.prepare('UPDATE quotas SET limit_bytes = ? WHERE user_id = ?').run(bytes, userId);
      }),
    );
  }

  async charge(userId: string, bytes: number, defaultLimit: number): Promise<QuotaUsage> {
    assertByteCount(bytes);
    assertByteCount(defaultLimit);
    return this.#sql.run((conn) =>
      conn.atomic(() => {
        ensureRow(conn, userId);
        const before = readUsage(conn, userId);
        if (before.used + bytes > (before.limit ?? defaultLimit)) {
          // Throwing inside atomic() also undoes the row ensureRow may have created.
          throw new StorageError('QUOTA_EXCEEDED', 'charge would exceed the account quota');
        }
        conn.prepare('UPDATE quotas SET used = used + ? WHERE user_id = ?').run(bytes, userId);
        return { used: before.used + bytes, limit: before.limit };
      }),
    );
  }

  async release(userId: string, bytes: number): Promise<QuotaUsage> {
    assertByteCount(bytes);
    return this.#sql.run((conn) =>
      conn.atomic(() => {
        conn.prepare('UPDATE quotas SET used = MAX(used - ?, 0) WHERE user_id = ?').run(bytes, userId);
        return readUsage(conn, userId);
      }),
    );
  }
}
