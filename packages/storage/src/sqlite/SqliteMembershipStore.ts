import type { MemberRole, MembershipRecord, MembershipStore } from '../interfaces/MembershipStore.ts';
import { MAX_TREE_DEPTH } from '../maxTreeDepth.ts';
import { StorageError } from '../StorageError.ts';
import { isSqliteConstraint } from './isSqliteConstraint.ts';
import type { SqlRunner } from './SqlRunner.ts';

interface MembershipRow {
  item_id: string;
  user_id: string;
  role: MemberRole;
  updated_at: number;
}

/** Roles by rank, lowest first; the SQL below ranks them 1, 2, 3 in this order. */
const ROLES_BY_RANK: readonly MemberRole[] = ['viewer', 'editor', 'admin'];

// The item is level 1; UNION ALL plus the level cap also ends a walk around a parent cycle.
const EFFECTIVE_ROLE_SQL = `
  WITH RECURSIVE chain (id, level) AS (
    SELECT @itemId, 1
    UNION ALL
    SELECT documents.parent_id, chain.level + 1
    FROM chain JOIN documents ON documents.doc_id = chain.id
    WHERE documents.parent_id IS NOT NULL AND chain.level < @maxDepth
  )
  SELECT MAX(rank) AS rank FROM (
    SELECT 3 AS rank FROM chain JOIN documents ON documents.doc_id = chain.id
    WHERE documents.owner_id = @userId
    UNION ALL
    SELECT CASE memberships.role WHEN 'admin' THEN 3 WHEN 'editor' THEN 2 ELSE 1 END AS rank
    FROM chain JOIN memberships ON memberships.item_id = chain.id AND memberships.user_id = @userId
  )`;

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

  async effectiveRole(itemId: string, userId: string): Promise<MemberRole | null> {
    return this.#sql.run((conn) => {
      const row = conn.prepare(EFFECTIVE_ROLE_SQL).get({ itemId, userId, maxDepth: MAX_TREE_DEPTH }) as { rank: number | null };
      return row.rank === null ? null : ROLES_BY_RANK[row.rank - 1]!;
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
