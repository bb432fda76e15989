import type { SnapshotRecord, SnapshotStore } from '../interfaces/SnapshotStore.ts';
import { StorageError } from '../StorageError.ts';
import { bindBytes } from './bindBytes.ts';
import { isSqliteConstraint } from './isSqliteConstraint.ts';
import { readBytes } from './readBytes.ts';
import type { SqlRunner } from './SqlRunner.ts';

interface SnapshotRow {
  doc_id: string;
  snapshot_id: string;
  parent_snapshot_id: string | null;
  chain_hash: Buffer;
  blob_key: string;
  size: number;
  created_at: number;
  author_user_id: string;
}

function toRecord(row: SnapshotRow): SnapshotRecord {
  return {
    docId: row.doc_id,
    snapshotId: row.snapshot_id,
    parentSnapshotId: row.parent_snapshot_id,
    chainHash: readBytes(row.chain_hash),
    blobKey: row.blob_key,
    size: row.size,
    createdAt: row.created_at,
    authorUserId: row.author_user_id,
  };
}

export class SqliteSnapshotStore implements SnapshotStore {
  readonly #sql: SqlRunner;

  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  async commit(record: SnapshotRecord, expectedParentId: string | null): Promise<void> {
    if (record.parentSnapshotId !== expectedParentId) {
      throw new RangeError('snapshot parentSnapshotId must equal expectedParentId');
    }
    await this.#sql.run((conn) =>
      conn.atomic(() => {
        const doc = conn.prepare('SELECT current_snapshot_id FROM documents WHERE doc_id = ?').get(record.docId) as
          | { current_snapshot_id: string | null }
          | undefined;
        if (!doc) throw new StorageError('NOT_FOUND', 'document not found');
        if (doc.current_snapshot_id !== expectedParentId) {
          throw new StorageError('CONFLICT', 'current snapshot is not the expected parent');
        }
        const parent =
          expectedParentId === null
            ? undefined
            : (conn
                .prepare('SELECT chain_index FROM snapshots WHERE doc_id = ? AND snapshot_id = ?')
                .get(record.docId, expectedParentId) as { chain_index: number } | undefined);
        try {
          conn
            .prepare(
              `INSERT INTO snapshots (doc_id, snapshot_id, parent_snapshot_id, chain_index, chain_hash,
                 blob_key, size, created_at, author_user_id)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              record.docId,
              record.snapshotId,
              record.parentSnapshotId,
              parent ? parent.chain_index + 1 : 0,
              bindBytes(record.chainHash),
              record.blobKey,
              record.size,
              record.createdAt,
              record.authorUserId,
            );
        } catch (error) {
          if (isSqliteConstraint(error, 'PRIMARYKEY')) {
            throw new StorageError('DUPLICATE', 'snapshot id already used for this document', { cause: error });
          }
          throw error;
        }
        conn
          .prepare('UPDATE documents SET current_snapshot_id = ? WHERE doc_id = ?')
          .run(record.snapshotId, record.docId);
      }),
    );
  }

  async current(docId: string): Promise<SnapshotRecord | null> {
    return this.#sql.run((conn) => {
      const row = conn
        .prepare(
          `SELECT s.* FROM documents d
           JOIN snapshots s ON s.doc_id = d.doc_id AND s.snapshot_id = d.current_snapshot_id
           WHERE d.doc_id = ?`,
        )
        .get(docId) as SnapshotRow | undefined;
      return row ? toRecord(row) : null;
    });
  }

  async get(docId: string, snapshotId: string): Promise<SnapshotRecord | null> {
    return this.#sql.run((conn) => {
      const row = conn
        .prepare('SELECT * FROM snapshots WHERE doc_id = ? AND snapshot_id = ?')
        .get(docId, snapshotId) as SnapshotRow | undefined;
      return row ? toRecord(row) : null;
    });
  }

  async list(docId: string): Promise<SnapshotRecord[]> {
    return this.#sql.run((conn) => {
      const rows = conn
        .prepare('SELECT * FROM snapshots WHERE doc_id = ? ORDER BY chain_index DESC')
        .all(docId) as SnapshotRow[];
      return rows.map(toRecord);
    });
  }
}
