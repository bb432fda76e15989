export interface QuotaUsage {
  /** Bytes charged. */
  used: number;
  /** The account's own limit in bytes; null when the caller's default applies. */
  limit: number | null;
}

/** Bytes are charged once, to the owner, before the body is accepted. */
export interface QuotaLedger {
  usage(userId: string): Promise<QuotaUsage>;
  /**
   * Sets the account's own limit; null reverts to the caller's default.
   * @throws StorageError('NOT_FOUND') when the account does not exist.
   */
  setLimit(userId: string, bytes: number | null): Promise<void>;
  /**
   * Atomically adds `bytes` to the account's usage.
   * @throws StorageError('QUOTA_EXCEEDED') when `used + bytes` would exceed the limit
   *   (the account's own, else `defaultLimit`); nothing changes then.
   * @throws StorageError('NOT_FOUND') when the account does not exist.
   */
  charge(userId: string, bytes: number, defaultLimit: number): Promise<QuotaUsage>;
  /** Subtracts `bytes`, never going below 0. */
  release(userId: string, bytes: number): Promise<QuotaUsage>;
}
