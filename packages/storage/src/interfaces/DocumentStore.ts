/** An envelope document: opaque Yjs state bytes kept by the collab server. */
export interface DocumentRecord {
  docId: string;
  ownerId: string;
  /** Null until the first `putState`. */
  state: Uint8Array | null;
  createdAt: number;
  updatedAt: number;
}

export type DocumentSummary = Omit<DocumentRecord, 'state'>;

export interface NewDocument {
  docId: string;
  ownerId: string;
  createdAt: number;
}

export interface DocumentStore {
  /** @throws StorageError('DUPLICATE') when the document id exists. */
  create(doc: NewDocument): Promise<void>;
  get(docId: string): Promise<DocumentRecord | null>;
  /**
   * Resolves only once the state is durable.
   * @throws StorageError('NOT_FOUND') when the document does not exist.
   */
  putState(docId: string, state: Uint8Array, updatedAt: number): Promise<void>;
  /**
   * Removes the document, its snapshot records and every membership, grant and link on it
   * (the document id is the item id). Snapshot blobs are the caller's to delete: list them first.
   * Idempotent; resolves to whether a document was removed.
   */
  delete(docId: string): Promise<boolean>;
  /** Oldest first. */
  listByOwner(ownerId: string): Promise<DocumentSummary[]>;
}
