export interface SnapshotRecord {
  docId: string;
  snapshotId: string;
  parentSnapshotId: string | null;
  chainHash: Uint8Array;
  /** Key of the encrypted snapshot in the blob store. */
  blobKey: string;
  /** Ciphertext size in bytes. */
  size: number;
  createdAt: number;
  authorUserId: string;
}

export interface SnapshotStore {
  /**
   * Compare-and-swap: makes `record` the document's current snapshot only if the current one
   * is `expectedParentId` (null: the document has none yet).
   * @throws StorageError('CONFLICT') when the current snapshot is not `expectedParentId`.
   * @throws StorageError('NOT_FOUND') when the document does not exist.
   * @throws StorageError('DUPLICATE') when the snapshot id was already used for this document.
   * @throws RangeError when `record.parentSnapshotId` differs from `expectedParentId` (a caller bug).
   */
  commit(record: SnapshotRecord, expectedParentId: string | null): Promise<void>;
  current(docId: string): Promise<SnapshotRecord | null>;
  get(docId: string, snapshotId: string): Promise<SnapshotRecord | null>;
  /** Newest first (chain order, not clock order). */
  list(docId: string): Promise<SnapshotRecord[]>;
}
