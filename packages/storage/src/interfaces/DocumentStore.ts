/** An envelope document: opaque Yjs state bytes kept by the collab server. */
export interface DocumentRecord {
  docId: string;
  ownerId: string;
  /** The folder document it lives in; null at the root. The parent may no longer exist. */
  parentId: string | null;
  /** Null until the first `putState`. */
  state: Uint8Array | null;
  createdAt: number;
  updatedAt: number;
}

export type DocumentSummary = Omit<DocumentRecord, 'state'>;

export interface NewDocument {
  docId: string;
  ownerId: string;
  /** Defaults to null (the root). */
  parentId?: string | null;
  createdAt: number;
}

/** One accepted update for a document's journal. */
export interface JournalAppend {
  docId: string;
  update: Uint8Array;
  at: number;
}

export interface DocumentStore {
  /** @throws StorageError('DUPLICATE') when the document id exists. */
  create(doc: NewDocument): Promise<void>;
  get(docId: string): Promise<DocumentRecord | null>;
  /** As `get` without the state: for access checks, which must not read a whole document. */
  getSummary(docId: string): Promise<DocumentSummary | null>;
  /**
   * Moves the document under another folder document, or to the root with null. The parent is
   * not checked: access inheritance stops at a missing parent and tolerates cycles.
   * @throws StorageError('NOT_FOUND') when the document does not exist.
   */
  setParent(docId: string, parentId: string | null): Promise<void>;
  /**
   * Resolves only once the state is durable. With `journalUpTo`, journal
   * entries up to that id are removed in the same transaction (the state
   * includes them).
   * @throws StorageError('NOT_FOUND') when the document does not exist.
   */
  putState(docId: string, state: Uint8Array, updatedAt: number, journalUpTo?: number): Promise<void>;
  /**
   * Appends one accepted update to the document's journal, durably, so it
   * survives a crash before the next `putState`. Resolves to the entry's id.
   * @throws StorageError('NOT_FOUND') when the document does not exist.
   */
  appendUpdate(docId: string, update: Uint8Array, at: number): Promise<number>;
  /**
   * Appends several accepted updates, of one document or many, in one durable commit (the collab
   * server's group commit, ADR 0021). Resolves, in order, to each entry's id, or to null for an
   * entry whose document does not exist: that entry is not stored, the others are.
   */
  appendUpdates(entries: readonly JournalAppend[]): Promise<Array<number | null>>;
  /** Journal entries after the stored state, oldest first. */
  readJournal(docId: string): Promise<Array<{ id: number; bytes: Uint8Array }>>;
  /** Id of the newest journal entry (0 when empty); pass it to `putState` to drop what the state includes. */
  lastJournalId(docId: string): Promise<number>;
  /**
   * Removes the document, its snapshot records and every membership, grant and link on it
   * (the document id is the item id). Snapshot blobs are the caller's to delete: list them first.
   * Child documents and files keep their `parentId`; the caller moves or deletes them.
   * Idempotent; resolves to whether a document was removed.
   */
  delete(docId: string): Promise<boolean>;
  /** Oldest first. */
  listByOwner(ownerId: string): Promise<DocumentSummary[]>;
  /** The ids of the documents whose parent is `parentId` (a folder's children, an item's chat room). */
  listIdsByParent(parentId: string): Promise<string[]>;
}
