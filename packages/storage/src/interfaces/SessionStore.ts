export interface SessionRecord {
  sessionId: string;
  /** A hash of the session token; the token itself is never stored. */
  tokenHash: Uint8Array;
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  /** Coarse device label such as "Chrome on Linux". */
  label: string;
}

export interface SessionStore {
  /**
   * @throws StorageError('DUPLICATE') when the session id or token hash exists.
   * @throws StorageError('NOT_FOUND') when the account does not exist.
   */
  create(record: SessionRecord): Promise<void>;
  /** Null when absent or expired at `now` (a session is expired once `now >= expiresAt`). */
  getByTokenHash(tokenHash: Uint8Array, now: number): Promise<SessionRecord | null>;
  /** @throws StorageError('NOT_FOUND') when the session does not exist. */
  touch(sessionId: string, now: number, newExpiresAt: number): Promise<void>;
  /** Includes expired sessions not yet purged; newest first. */
  listForUser(userId: string): Promise<SessionRecord[]>;
  /** Idempotent; resolves to whether a session was removed. */
  delete(sessionId: string): Promise<boolean>;
  /** Resolves to the number of sessions removed. */
  deleteForUser(userId: string, exceptSessionId?: string): Promise<number>;
  /** Resolves to the number of sessions removed. */
  deleteExpired(now: number): Promise<number>;
}
