import type { SessionRecord, SessionStore } from '../interfaces/SessionStore.ts';
import { StorageError } from '../StorageError.ts';
import { bindBytes } from './bindBytes.ts';
import { isSqliteConstraint } from './isSqliteConstraint.ts';
import { readBytes } from './readBytes.ts';
import type { SqlRunner } from './SqlRunner.ts';

interface SessionRow {
  session_id: string;
  token_hash: Buffer;
  user_id: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  label: string;
}

function toRecord(row: SessionRow): SessionRecord {
  return {
    sessionId: row.session_id,
    tokenHash: readBytes(row.token_hash),
    userId: row.user_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    label: row.label,
  };
}

export class SqliteSessionStore implements SessionStore {
  readonly #sql: SqlRunner;

  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  async create(record: SessionRecord): Promise<void> {
    await this.#sql.run((conn) => {
      try {
        conn
          .prepare(
            `INSERT INTO sessions (session_id, token_hash, user_id, created_at, last_seen_at, expires_at, label)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            record.sessionId,
            bindBytes(record.tokenHash),
            record.userId,
            record.createdAt,
            record.lastSeenAt,
            record.expiresAt,
            record.label,
          );
      } catch (error) {
        if (isSqliteConstraint(error, 'PRIMARYKEY', 'UNIQUE')) {
          throw new StorageError('DUPLICATE', 'session id or token hash already exists', { cause: error });
        }
        if (isSqliteConstraint(error, 'FOREIGNKEY')) {
          throw new StorageError('NOT_FOUND', 'session account not found', { cause: error });
        }
        throw error;
      }
    });
  }

  async getByTokenHash(tokenHash: Uint8Array, now: number): Promise<SessionRecord | null> {
    return this.#sql.run((conn) => {
      const row = conn
        .prepare('SELECT * FROM sessions WHERE token_hash = ? AND expires_at > ?')
        .get(bindBytes(tokenHash), now) as SessionRow | undefined;
      return row ? toRecord(row) : null;
    });
  }

  async touch(sessionId: string, now: number, newExpiresAt: number): Promise<void> {
    await this.#sql.run((conn) => {
      const result = conn
        .prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE session_id = ?')
        .run(now, newExpiresAt, sessionId);
      if (result.changes === 0) throw new StorageError('NOT_FOUND', 'session not found');
    });
  }

  async listForUser(userId: string): Promise<SessionRecord[]> {
    return this.#sql.run((conn) => {
      const rows = conn
        .prepare('SELECT * FROM sessions WHERE user_id = ? ORDER BY created_at DESC, session_id')
        .all(userId) as SessionRow[];
      return rows.map(toRecord);
    });
  }

  async delete(sessionId: string): Promise<boolean> {
    return this.#sql.run((conn) => conn.prepare('DELETE FROM sessions WHERE session_id = ?').run(sessionId).changes > 0);
  }

  async deleteForUser(userId: string, exceptSessionId?: string): Promise<number> {
    return this.#sql.run(
      (conn) =>
        conn
          .prepare('DELETE FROM sessions WHERE user_id = ? AND session_id IS NOT ?')
          .run(userId, exceptSessionId ?? null).changes,
    );
  }

  async deleteExpired(now: number): Promise<number> {
    return this.#sql.run((conn) => conn.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes);
  }
}
