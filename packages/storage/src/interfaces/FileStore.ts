/**
 * Uploaded files as the server sees them: opaque ids, an owner who is charged, the folder
 * (an envelope document) whose members may read them, and per version the sealed chunks'
 * sizes. Names, types and keys live only inside the encrypted folder document.
 */
export interface FileRecord {
  fileId: string;
  /** The uploader, charged for every version's bytes. */
  ownerId: string;
  /** The folder document the file lives in; its (inherited) members may read the file. */
  parentId: string;
  createdAt: number;
}

export type FileVersionState = 'uploading' | 'complete';

export interface FileVersionRecord {
  fileId: string;
  /** 1, 2, … per file; bound into every chunk's AAD by the client. */
  version: number;
  state: FileVersionState;
  /** Number of sealed chunks the finished version has. */
  chunkCount: number;
  /** Total sealed bytes declared at the start and charged to the owner's quota. */
  size: number;
  /** Who started this version's upload (may differ from the file's owner). */
  uploaderId: string;
  createdAt: number;
  /** Null while uploading. */
  completedAt: number | null;
}

export interface FileChunkRecord {
  index: number;
  size: number;
}

export interface NewFileVersion {
  fileId: string;
  version: number;
  uploaderId: string;
  chunkCount: number;
  size: number;
  createdAt: number;
}

export interface FileStore {
  /**
   * Creates the file record (its first version comes with `beginVersion`).
   * @throws StorageError('DUPLICATE') when the file id exists.
   */
  create(file: FileRecord): Promise<void>;
  get(fileId: string): Promise<FileRecord | null>;
  /**
   * Moves the file under another folder document.
   * @throws StorageError('NOT_FOUND') when the file does not exist.
   */
  setParent(fileId: string, parentId: string): Promise<void>;
  /** The ids of the files whose parent is `parentId` (a folder, or the document or room an image or attachment belongs to). */
  listIdsByParent(parentId: string): Promise<string[]>;
  /**
   * Starts uploading a version, in state 'uploading' with no chunks yet.
   * @throws StorageError('NOT_FOUND') when the file does not exist.
   * @throws StorageError('DUPLICATE') when that version exists.
   */
  beginVersion(version: NewFileVersion): Promise<FileVersionRecord>;
  getVersion(fileId: string, version: number): Promise<FileVersionRecord | null>;
  /** Oldest first. */
  listVersions(fileId: string): Promise<FileVersionRecord[]>;
  /** Every version still uploading that `uploaderId` started, oldest first (for resuming and clean-up). */
  listUploading(uploaderId: string): Promise<FileVersionRecord[]>;
  /** Versions of anyone still uploading that were started before `before`, oldest first, at most `limit` (for clean-up). */
  listStaleUploads(before: number, limit: number): Promise<FileVersionRecord[]>;
  /**
   * Records that chunk `index` of an uploading version is stored, with its sealed size. Idempotent:
   * recording the same index again replaces its size.
   * @throws StorageError('NOT_FOUND') when the version does not exist.
   * @throws StorageError('CONFLICT') when the version is already complete.
   */
  recordChunk(fileId: string, version: number, chunk: FileChunkRecord): Promise<void>;
  /** Recorded chunks, by index. */
  listChunks(fileId: string, version: number): Promise<FileChunkRecord[]>;
  /**
   * Marks the version complete: it becomes readable in this one commit. Completing a complete
   * version again resolves to it unchanged, so a retry after a lost reply is harmless.
   * @throws StorageError('NOT_FOUND') when the version does not exist.
   * @throws StorageError('CONFLICT') when chunks 0..chunkCount-1 are not all recorded, or their
   *   sizes do not add up to the declared size. Nothing changes then.
   */
  completeVersion(fileId: string, version: number, completedAt: number): Promise<FileVersionRecord>;
  /**
   * Removes one version and its chunk records (the caller deletes the chunk blobs and releases
   * the quota); resolves to the removed record, or null when there was none.
   */
  deleteVersion(fileId: string, version: number): Promise<FileVersionRecord | null>;
  /**
   * Removes the file with every version and chunk record; resolves to the removed versions
   * (for blob clean-up and quota release), empty when there was no such file.
   */
  delete(fileId: string): Promise<FileVersionRecord[]>;
}
