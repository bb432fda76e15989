import type { FileChunkRecord, FileRecord, FileStore, FileVersionRecord, FileVersionState, NewFileVersion } from '../interfaces/FileStore.ts';
import { StorageError } from '../StorageError.ts';
import { isSqliteConstraint } from './isSqliteConstraint.ts';
import type { SqliteConnection } from './SqliteConnection.ts';
import type { SqlRunner } from './SqlRunner.ts';

interface FileRow {
  file_id: string;
  owner_id: string;
  parent_id: string;
  created_at: number;
}

interface FileVersionRow {
  file_id: string;
  version: number;
  state: FileVersionState;
  chunk_count: number;
  size: number;
  uploader_id: string;
  created_at: number;
  completed_at: number | null;
}

function toVersionRecord(row: FileVersionRow): FileVersionRecord {
  return {
    fileId: row.file_id,
    version: row.version,
    state: row.state,
    chunkCount: row.chunk_count,
    size: row.size,
    uploaderId: row.uploader_id,
    createdAt: row.created_at,
    completedAt: row.completed_at,
  };
}

function readVersion(conn: SqliteConnection, fileId: string, version: number): FileVersionRecord | null {
  const row = conn.prepare('SELECT * FROM file_versions WHERE file_id = ? AND version = ?').get(fileId, version) as FileVersionRow | undefined;
  return row ? toVersionRecord(row) : null;
}

export class SqliteFileStore implements FileStore {
  readonly #sql: SqlRunner;

  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  async create({ fileId, ownerId, parentId, createdAt }: FileRecord): Promise<void> {
    await this.#sql.run((conn) => {
      try {
        conn.prepare('INSERT INTO files (file_id, owner_id, parent_id, created_at) VALUES (?, ?, ?, ?)').run(fileId, ownerId, parentId, createdAt);
      } catch (error) {
        if (isSqliteConstraint(error, 'PRIMARYKEY')) throw new StorageError('DUPLICATE', 'file already exists', { cause: error });
        throw error;
      }
    });
  }

  async get(fileId: string): Promise<FileRecord | null> {
    return this.#sql.run((conn) => {
      const row = conn.prepare('SELECT file_id, owner_id, parent_id, created_at FROM files WHERE file_id = ?').get(fileId) as FileRow | undefined;
      return row ? { fileId: row.file_id, ownerId: row.owner_id, parentId: row.parent_id, createdAt: row.created_at } : null;
    });
  }

  async listIdsByParent(parentId: string): Promise<string[]> {
    return this.#sql.run((conn) => (conn.prepare('SELECT file_id FROM files WHERE parent_id = ? ORDER BY file_id').all(parentId) as Array<{ file_id: string }>).map((r) => r.file_id));
  }

  async setParent(fileId: string, parentId: string): Promise<void> {
    await this.#sql.run((conn) => {
      if (conn.prepare('UPDATE files SET parent_id = ? WHERE file_id = ?').run(parentId, fileId).changes === 0) {
        throw new StorageError('NOT_FOUND', 'file not found');
      }
    });
  }

  async beginVersion({ fileId, version, uploaderId, chunkCount, size, createdAt }: NewFileVersion): Promise<FileVersionRecord> {
    return this.#sql.run((conn) => {
      try {
        conn
          .prepare(
            `INSERT INTO file_versions (file_id, version, state, chunk_count, size, uploader_id, created_at, completed_at)
             VALUES (?, ?, 'uploading', ?, ?, ?, ?, NULL)`,
          )
          .run(fileId, version, chunkCount, size, uploaderId, createdAt);
      } catch (error) {
        if (isSqliteConstraint(error, 'FOREIGNKEY')) throw new StorageError('NOT_FOUND', 'file not found', { cause: error });
        if (isSqliteConstraint(error, 'PRIMARYKEY')) throw new StorageError('DUPLICATE', 'file version already exists', { cause: error });
        throw error;
      }
      return { fileId, version, state: 'uploading', chunkCount, size, uploaderId, createdAt, completedAt: null };
    });
  }

  async getVersion(fileId: string, version: number): Promise<FileVersionRecord | null> {
    return this.#sql.run((conn) => readVersion(conn, fileId, version));
  }

  async listVersions(fileId: string): Promise<FileVersionRecord[]> {
    return this.#sql.run((conn) =>
      (conn.prepare('SELECT * FROM file_versions WHERE file_id = ? ORDER BY version').all(fileId) as FileVersionRow[]).map(toVersionRecord),
    );
  }

  async listStaleUploads(before: number, limit: number): Promise<FileVersionRecord[]> {
    return this.#sql.run((conn) =>
      (
        conn
          .prepare(
            `SELECT * FROM file_versions WHERE state = 'uploading' AND created_at < ?
             ORDER BY created_at, file_id, version LIMIT ?`,
          )
          .all(before, limit) as FileVersionRow[]
      ).map(toVersionRecord),
    );
  }

  async listUploading(uploaderId: string): Promise<FileVersionRecord[]> {
    return this.#sql.run((conn) =>
      (
        conn
          .prepare(
            `SELECT * FROM file_versions WHERE uploader_id = ? AND state = 'uploading'
             ORDER BY created_at, file_id, version`,
          )
          .all(uploaderId) as FileVersionRow[]
      ).map(toVersionRecord),
    );
  }

  async recordChunk(fileId: string, version: number, { index, size }: FileChunkRecord): Promise<void> {
    await this.#sql.run((conn) =>
      conn.atomic(() => {
        const current = readVersion(conn, fileId, version);
        if (!current) throw new StorageError('NOT_FOUND', 'file version not found');
        if (current.state === 'complete') throw new StorageError('CONFLICT', 'file version is already complete');
        conn
          .prepare(
            `INSERT INTO file_chunks (file_id, version, idx, size) VALUES (?, ?, ?, ?)
             ON CONFLICT (file_id, version, idx) DO UPDATE SET size = excluded.size`,
          )
          .run(fileId, version, index, size);
      }),
    );
  }

  async listChunks(fileId: string, version: number): Promise<FileChunkRecord[]> {
    return this.#sql.run((conn) =>
      conn.prepare('SELECT idx AS "index", size FROM file_chunks WHERE file_id = ? AND version = ? ORDER BY idx').all(fileId, version) as FileChunkRecord[],
    );
  }

  async completeVersion(fileId: string, version: number, completedAt: number): Promise<FileVersionRecord> {
    return this.#sql.run((conn) =>
      conn.atomic(() => {
        const current = readVersion(conn, fileId, version);
        if (!current) throw new StorageError('NOT_FOUND', 'file version not found');
        if (current.state === 'complete') return current;
        const chunks = conn
          .prepare(
            `SELECT COUNT(*) AS count, MIN(idx) AS first, MAX(idx) AS last, COALESCE(SUM(size), 0) AS total
             FROM file_chunks WHERE file_id = ? AND version = ?`,
          )
          .get(fileId, version) as { count: number; first: number | null; last: number | null; total: number };
        // Indexes are unique, so count, first and last together pin them to exactly 0..chunkCount-1.
        const exact =
          chunks.count === current.chunkCount && (current.chunkCount === 0 || (chunks.first === 0 && chunks.last === current.chunkCount - 1));
        if (!exact) throw new StorageError('CONFLICT', 'file version chunks are not exactly 0..chunkCount-1');
        if (chunks.total !== current.size) throw new StorageError('CONFLICT', 'file version chunk sizes do not add up to its size');
        conn.prepare("UPDATE file_versions SET state = 'complete', completed_at = ? WHERE file_id = ? AND version = ?").run(completedAt, fileId, version);
        return { ...current, state: 'complete', completedAt };
      }),
    );
  }

  async deleteVersion(fileId: string, version: number): Promise<FileVersionRecord | null> {
    return this.#sql.run((conn) =>
      conn.atomic(() => {
        const current = readVersion(conn, fileId, version);
        // Chunk rows go by ON DELETE CASCADE.
        if (current) conn.prepare('DELETE FROM file_versions WHERE file_id = ? AND version = ?').run(fileId, version);
        return current;
      }),
    );
  }

  async delete(fileId: string): Promise<FileVersionRecord[]> {
    return this.#sql.run((conn) =>
      conn.atomic(() => {
        const versions = (conn.prepare('SELECT * FROM file_versions WHERE file_id = ? ORDER BY version').all(fileId) as FileVersionRow[]).map(toVersionRecord);
        // Version and chunk rows go by ON DELETE CASCADE.
        conn.prepare('DELETE FROM files WHERE file_id = ?').run(fileId);
        return versions;
      }),
    );
  }
}
