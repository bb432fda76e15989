/** Every byte field is client-made ciphertext or a public key; the server never interprets them. */
export interface AccountRecord {
  userId: string;
  /** Login identifier, already normalised by the caller. */
  username: string;
  opaqueRecord: Uint8Array;
  passwordWrappedMasterKey: Uint8Array;
  recoveryWrappedMasterKey: Uint8Array;
  recoveryVerifyKey: Uint8Array;
  wrappedIdentity: Uint8Array;
  publicBundle: Uint8Array;
  createdAt: number;
  updatedAt: number;
}

export interface CredentialUpdate {
  opaqueRecord: Uint8Array;
  passwordWrappedMasterKey: Uint8Array;
  /** Omitted on a password change; given when the recovery key is rotated too. */
  recoveryWrappedMasterKey?: Uint8Array;
  recoveryVerifyKey?: Uint8Array;
  updatedAt: number;
}

export interface AccountStore {
  /** @throws StorageError('DUPLICATE') when the user id or the username is taken. */
  create(record: AccountRecord): Promise<void>;
  getById(userId: string): Promise<AccountRecord | null>;
  getByUsername(username: string): Promise<AccountRecord | null>;
  /** @throws StorageError('NOT_FOUND') when the account does not exist. */
  updateCredentials(userId: string, update: CredentialUpdate): Promise<void>;
  /**
   * Removes the account with its sessions, memberships, the grants it received, the links it
   * created and its quota row. Documents it owns and grants it sent stay (the caller decides).
   * Idempotent; resolves to whether an account was removed.
   */
  delete(userId: string): Promise<boolean>;
  count(): Promise<number>;
}
