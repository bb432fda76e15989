export type LinkRole = 'viewer' | 'editor';

export interface LinkRecord {
  /** Derived by the client from the link secret; the secret never reaches the server. */
  linkId: string;
  itemId: string;
  creatorUserId: string;
  role: LinkRole;
  payload: Uint8Array;
  /** Null: never expires. Expired once `now >= expiresAt`. */
  expiresAt: number | null;
  createdAt: number;
}

export interface LinkStore {
  /**
   * Inserts a link; an existing id is refused rather than overwritten.
   * @throws StorageError('DUPLICATE') when the link id exists.
   * @throws StorageError('NOT_FOUND') when the creator account does not exist.
   */
  put(link: LinkRecord): Promise<void>;
  /** Null when missing or expired at `now`. */
  get(linkId: string, now: number): Promise<LinkRecord | null>;
  /** Oldest first, expired links included. */
  listForItem(itemId: string): Promise<LinkRecord[]>;
  /** Oldest first, expired links included. */
  listForCreator(userId: string): Promise<LinkRecord[]>;
  /**
   * Replaces a link's payload (its maker re-seals it after the item's key changed); nothing else of it changes.
   * @throws StorageError('NOT_FOUND') when the link does not exist.
   */
  setPayload(linkId: string, payload: Uint8Array): Promise<void>;
  /** Idempotent; resolves to whether a link was removed. */
  delete(linkId: string): Promise<boolean>;
}
