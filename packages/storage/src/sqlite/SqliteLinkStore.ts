import type { LinkRecord, LinkRole, LinkStore } from '../interfaces/LinkStore.ts';
import { StorageError } from '../StorageError.ts';
import { bindBytes } from './bindBytes.ts';
import { isSqliteConstraint } from './isSqliteConstraint.ts';
import { readBytes } from './readBytes.ts';
import type { SqlRunner } from './SqlRunner.ts';

interface LinkRow {
  link_id: string;
  item_id: string;
  creator_user_id: string;
  role: LinkRole;
  payload: Buffer;
  expires_at: number | null;
  created_at: number;
}

function toRecord(row: LinkRow): LinkRecord {
  return {
    linkId: row.link_id,
    itemId: row.item_id,
    creatorUserId: row.creator_user_id,
    role: row.role,
    payload: readBytes(row.payload),
    expiresAt: row.expires_at,
    createdAt: row.created_at,
  };
}

export class SqliteLinkStore implements LinkStore {
  readonly #sql: SqlRunner;

  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  async put(link: LinkRecord): Promise<void> {
    await this.#sql.run((conn) => {
      try {
        conn
          .prepare(
            `INSERT INTO links (link_id, item_id, creator_user_id, role, payload, expires_at, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            link.linkId,
            link.itemId,
            link.creatorUserId,
            link.role,
            bindBytes(link.payload),
            link.expiresAt,
            link.createdAt,
          );
      } catch (error) {
        if (isSqliteConstraint(error, 'PRIMARYKEY')) {
          throw new StorageError('DUPLICATE', 'link already exists', { cause: error });
        }
        if (isSqliteConstraint(error, 'FOREIGNKEY')) {
          throw new StorageError('NOT_FOUND', 'link creator account not found', { cause: error });
        }
        throw error;
      }
    });
  }

  async get(linkId: string, now: number): Promise<LinkRecord | null> {
    return this.#sql.run((conn) => {
      const row = conn
        .prepare('SELECT * FROM links WHERE link_id = ? AND (expires_at IS NULL OR expires_at > ?)')
        .get(linkId, now) as LinkRow | undefined;
      return row ? toRecord(row) : null;
    });
  }

  async listForItem(itemId: string): Promise<LinkRecord[]> {
    return this.#sql.run((conn) => {
      const rows = conn
        .prepare('SELECT * FROM links WHERE item_id = ? ORDER BY created_at, link_id')
        .all(itemId) as LinkRow[];
      return rows.map(toRecord);
    });
  }

  async listForCreator(userId: string): Promise<LinkRecord[]> {
    return this.#sql.run((conn) => {
      const rows = conn
        .prepare('SELECT * FROM links WHERE creator_user_id = ? ORDER BY created_at, link_id')
        .all(userId) as LinkRow[];
      return rows.map(toRecord);
    });
  }

  async setPayload(linkId: string, payload: Uint8Array): Promise<void> {
    const changed = await this.#sql.run((conn) => conn.prepare('UPDATE links SET payload = ? WHERE link_id = ?').run(bindBytes(payload), linkId).changes);
    if (changed === 0) throw new StorageError('NOT_FOUND', 'no such link');
  }

  async delete(linkId: string): Promise<boolean> {
    return this.#sql.run((conn) => conn.prepare('DELETE FROM links WHERE link_id = ?').run(linkId).changes > 0);
  }
}
