import type { GrantRecord, GrantStore } from '../interfaces/GrantStore.ts';
import { StorageError } from '../StorageError.ts';
import { bindBytes } from './bindBytes.ts';
import { isSqliteConstraint } from './isSqliteConstraint.ts';
import { readBytes } from './readBytes.ts';
import type { SqlRunner } from './SqlRunner.ts';

interface GrantRow {
  grant_id: string;
  item_id: string;
  recipient_user_id: string;
  sender_user_id: string;
  payload: Buffer;
  created_at: number;
}

function toRecord(row: GrantRow): GrantRecord {
  return {
    grantId: row.grant_id,
    itemId: row.item_id,
    recipientUserId: row.recipient_user_id,
    senderUserId: row.sender_user_id,
    payload: readBytes(row.payload),
    createdAt: row.created_at,
  };
}

export class SqliteGrantStore implements GrantStore {
  readonly #sql: SqlRunner;

  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  async put(grant: GrantRecord): Promise<void> {
    await this.#sql.run((conn) => {
      try {
        conn
          .prepare(
            `INSERT INTO grants (grant_id, item_id, recipient_user_id, sender_user_id, payload, created_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(
            grant.grantId,
            grant.itemId,
            grant.recipientUserId,
            grant.senderUserId,
            bindBytes(grant.payload),
            grant.createdAt,
          );
      } catch (error) {
        if (isSqliteConstraint(error, 'PRIMARYKEY')) {
          throw new StorageError('DUPLICATE', 'grant already exists', { cause: error });
        }
        if (isSqliteConstraint(error, 'FOREIGNKEY')) {
          throw new StorageError('NOT_FOUND', 'grant recipient account not found', { cause: error });
        }
        throw error;
      }
    });
  }

  async listForRecipient(userId: string): Promise<GrantRecord[]> {
    return this.#sql.run((conn) => {
      const rows = conn
        .prepare('SELECT * FROM grants WHERE recipient_user_id = ? ORDER BY created_at, grant_id')
        .all(userId) as GrantRow[];
      return rows.map(toRecord);
    });
  }

  async listForSender(userId: string): Promise<GrantRecord[]> {
    return this.#sql.run((conn) => {
      const rows = conn
        .prepare('SELECT * FROM grants WHERE sender_user_id = ? ORDER BY created_at, grant_id')
        .all(userId) as GrantRow[];
      return rows.map(toRecord);
    });
  }

  async listForItem(itemId: string): Promise<GrantRecord[]> {
    return this.#sql.run((conn) => {
      const rows = conn
        .prepare('SELECT * FROM grants WHERE item_id = ? ORDER BY created_at, grant_id')
        .all(itemId) as GrantRow[];
      return rows.map(toRecord);
    });
  }

  async delete(grantId: string): Promise<boolean> {
    return this.#sql.run((conn) => conn.prepare('DELETE FROM grants WHERE grant_id = ?').run(grantId).changes > 0);
  }
}
