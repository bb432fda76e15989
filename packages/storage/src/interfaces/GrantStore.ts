export interface GrantRecord {
  grantId: string;
  itemId: string;
  recipientUserId: string;
  senderUserId: string;
  /** Sealed, signed key material; opaque here. */
  payload: Uint8Array;
  createdAt: number;
}

export interface GrantStore {
  /**
   * Inserts a grant; grants are immutable, so an existing id is refused rather than overwritten.
   * @throws StorageError('DUPLICATE') when the grant id exists.
   * @throws StorageError('NOT_FOUND') when the recipient account does not exist.
   */
  put(grant: GrantRecord): Promise<void>;
  /** Oldest first. */
  listForRecipient(userId: string): Promise<GrantRecord[]>;
  /** Oldest first. */
  listForItem(itemId: string): Promise<GrantRecord[]>;
  /** Grants this user signed, oldest first (the "shared by me" view). */
  listForSender(userId: string): Promise<GrantRecord[]>;
  /** Idempotent; resolves to whether a grant was removed. */
  delete(grantId: string): Promise<boolean>;
}
