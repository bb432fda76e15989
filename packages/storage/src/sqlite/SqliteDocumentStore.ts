import type { DocumentRecord, DocumentStore, DocumentSummary, JournalAppend, NewDocument } from '../interfaces/DocumentStore.ts';
import { StorageError } from '../StorageError.ts';
import { bindBytes } from './bindBytes.ts';
import { isSqliteConstraint } from './isSqliteConstraint.ts';
import { readBytes } from './readBytes.ts';
import type { SqlRunner } from './SqlRunner.ts';

interface DocumentRow {
  doc_id: string;
  owner_id: string;
  parent_id: string | null;
  state: Buffer | null;
  created_at: number;
  updated_at: number;
}

export class SqliteDocumentStore implements DocumentStore {
  readonly #sql: SqlRunner;

  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  async create({ docId, ownerId, parentId = null, createdAt }: NewDocument): Promise<void> {
    await this.#sql.run((conn) => {
      try {
        conn
          .prepare('INSERT INTO documents (doc_id, owner_id, parent_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
          .run(docId, ownerId, parentId, createdAt, createdAt);
      } catch (error) {
        if (isSqliteConstraint(error, 'PRIMARYKEY')) {
          throw new StorageError('DUPLICATE', 'document already exists', { cause: error });
        }
        throw error;
      }
    });
  }

  async get(docId: string): Promise<DocumentRecord | null> {
    return this.#sql.run((conn) => {
      const row = conn
        .prepare('SELECT doc_id, owner_id, parent_id, state, created_at, updated_at FROM documents WHERE doc_id = ?')
        .get(docId) as DocumentRow | undefined;
      if (!row) return null;
      return {
        docId: row.doc_id,
        ownerId: row.owner_id,
        parentId: row.parent_id,
        state: row.state ? readBytes(row.state) : null,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    });
  }

  async getSummary(docId: string): Promise<DocumentSummary | null> {
    return this.#sql.run((conn) => {
      const row = conn.prepare('SELECT doc_id, owner_id, parent_id, created_at, updated_at FROM documents WHERE doc_id = ?').get(docId) as Omit<DocumentRow, 'state'> | undefined;
      return row ? { docId: row.doc_id, ownerId: row.owner_id, parentId: row.parent_id, createdAt: row.created_at, updatedAt: row.updated_at } : null;
    });
  }

  async setParent(docId: string, parentId: string | null): Promise<void> {
    await this.#sql.run((conn) => {
      const result = conn.prepare('UPDATE documents SET parent_id = ? WHERE doc_id = ?').run(parentId, docId);
      if (result.changes === 0) throw new StorageError('NOT_FOUND', 'document not found');
    });
  }

  async putState(docId: string, state: Uint8Array, updatedAt: number, journalUpTo?: number): Promise<void> {
    // synchronous=FULL: the commit is on disk before run() returns.
    await this.#sql.run((conn) =>
      conn.atomic(() => {
        const result = conn
          .prepare('UPDATE documents SET state = ?, updated_at = ? WHERE doc_id = ?')
          .run(bindBytes(state), updatedAt, docId);
        if (result.changes === 0) throw new StorageError('NOT_FOUND', 'document not found');
        if (journalUpTo !== undefined) conn.prepare('DELETE FROM document_journal WHERE doc_id = ? AND id <= ?').run(docId, journalUpTo);
      }),
    );
  }

  async appendUpdate(docId: string, update: Uint8Array, at: number): Promise<number> {
    const [id] = await this.appendUpdates([{ docId, update, at }]);
    if (id === null || id === undefined) throw new StorageError('NOT_FOUND', 'document not found');
    return id;
  }

  async appendUpdates(entries: readonly JournalAppend[]): Promise<Array<number | null>> {
    if (entries.length === 0) return [];
    // synchronous=FULL: one commit, on disk before run() returns, for the whole batch.
    return this.#sql.run((conn) =>
      conn.atomic(() => {
        const insert = conn.prepare('INSERT INTO document_journal (doc_id, bytes, at) VALUES (?, ?, ?)');
        return entries.map(({ docId, update, at }) => {
          try {
            return Number(insert.run(docId, bindBytes(update), at).lastInsertRowid);
          } catch (error) {
            // A failed INSERT undoes itself only; the rest of the batch goes on.
            if (isSqliteConstraint(error, 'FOREIGNKEY')) return null;
            throw error;
          }
        });
      }),
    );
  }

  async readJournal(docId: string): Promise<Array<{ id: number; bytes: Uint8Array }>> {
    return this.#sql.run((conn) =>
      (conn.prepare('SELECT id, bytes FROM document_journal WHERE doc_id = ? ORDER BY id').all(docId) as Array<{ id: number; bytes: Buffer }>).map((r) => ({
        id: r.id,
        bytes: readBytes(r.bytes),
      })),
    );
  }

  async lastJournalId(docId: string): Promise<number> {
    return this.#sql.run((conn) => {
      const row = conn.prepare('SELECT MAX(id) AS id FROM document_journal WHERE doc_id = ?').get(docId) as { id: number | null };
      return row.id ?? 0;
    });
  }

  async delete(docId: string): Promise<boolean> {
    return this.#sql.run((conn) =>
      conn.atomic(() => {
        // Snapshot rows go by ON DELETE CASCADE; access rows are keyed by item id, not a foreign key.
        for (const table of ['memberships', 'grants', 'links']) {
          conn.prepare(`DELETE FROM ${table} WHERE item_id = ?`).run(docId);
        }
        return conn.prepare('DELETE FROM documents WHERE doc_id = ?').run(docId).changes > 0;
      }),
    );
  }

  async listIdsByParent(parentId: string): Promise<string[]> {
    return this.#sql.run((conn) => (conn.prepare('SELECT doc_id FROM documents WHERE parent_id = ? ORDER BY doc_id').all(parentId) as Array<{ doc_id: string }>).map((r) => r.doc_id));
  }

  async listByOwner(ownerId: string): Promise<DocumentSummary[]> {
    return this.#sql.run((conn) => {
      const rows = conn
        .prepare(
          `SELECT doc_id, owner_id, parent_id, created_at, updated_at FROM documents
           WHERE owner_id = ? ORDER BY created_at, doc_id`,
        )
        .all(ownerId) as Omit<DocumentRow, 'state'>[];
      return rows.map((row) => ({
        docId: row.doc_id,
        ownerId: row.owner_id,
        parentId: row.parent_id,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      }));
    });
  }
}
