import type { MemberRole, MembershipRecord, MembershipStore } from '../interfaces/MembershipStore.ts';
import { StorageError } from '../StorageError.ts';
import { isSqliteConstraint } from './isSqliteConstraint.ts';
import type { SqlRunner } from './SqlRunner.ts';

interface MembershipRow {
  item_id: string;
  user_id: string;
  role: MemberRole;
  updated_at: number;
}

function toRecord(row: MembershipRow): MembershipRecord {
  return { itemId: row.item_id, userId: row.user_id, role: row.role, updatedAt: row.updated_at };
}

export class SqliteMembershipStore implements MembershipStore {
  readonly #sql: SqlRunner;

  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  async set(itemId: string, userId: string, role: MemberRole, updatedAt: number): Promise<void> {
    await this.#sql.run((conn) => {
      try {
        conn
          .prepare(
            `INSERT INTO memberships (item_id, user_id, role, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (item_id, user_id) DO UPDATE SET role = excluded.role, updated_at = excluded.updated_at`,
          )
          .run(itemId, userId, role, updatedAt);
      } catch (error) {
        if (isSqliteConstraint(error, 'FOREIGNKEY')) {
          throw new StorageError('NOT_FOUND', 'member account not found', { cause: error });
        }
        throw error;
      }
    });
  }

  async get(itemId: string, userId: string): Promise<MemberRole | null> {
    return this.#sql.run((conn) => {
      const row = conn
        .prepare('SELECT role FROM memberships WHERE item_id = ? AND user_id = ?')
        .get(itemId, userId) as { role: MemberRole } | undefined;
      return row?.role ?? null;
    });
  }

  async list(itemId: string): Promise<MembershipRecord[]> {
    return this.#sql.run((conn) => {
      const rows = conn
        .prepare('SELECT * FROM memberships WHERE item_id = ? ORDER BY user_id')
        .all(itemId) as MembershipRow[];
      return rows.map(toRecord);
    });
  }

  async listForUser(userId: string): Promise<MembershipRecord[]> {
    return this.#sql.run((conn) => {
      const rows = conn
        .prepare('SELECT * FROM memberships WHERE user_id = ? ORDER BY item_id')
        .all(userId) as MembershipRow[];
      return rows.map(toRecord);
    });
  }

  async remove(itemId: string, userId: string): Promise<boolean> {
    return this.#sql.run(
      (conn) => conn.prepare('DELETE FROM memberships WHERE item_id = ? AND user_id = ?').run(itemId, userId).changes > 0,
    );
  }
}
