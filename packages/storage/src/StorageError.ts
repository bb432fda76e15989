/**
 * Expected storage failures. Messages name the kind of record, never its bytes.
 *
 * - `NOT_FOUND`: the record (or a record it refers to) does not exist.
 * - `DUPLICATE`: a record with that id (or unique field) already exists.
 * - `CONFLICT`: a compare-and-swap lost; re-read and retry.
 * - `QUOTA_EXCEEDED`: the charge would take the account over its limit; nothing was charged.
 * - `TOO_LARGE`: a blob exceeded `maxBytes`; nothing was stored.
 * - `INVALID_KEY`: a blob key does not match `BLOB_KEY_PATTERN`.
 * - `CLOSED`: the storage was closed, or a transaction handle was used after it finished.
 * - `UNSUPPORTED_SCHEMA`: the database was migrated by a newer build than this one.
 */
export type StorageErrorCode =
  | 'NOT_FOUND'
  | 'DUPLICATE'
  | 'CONFLICT'
  | 'QUOTA_EXCEEDED'
  | 'TOO_LARGE'
  | 'INVALID_KEY'
  | 'CLOSED'
  | 'UNSUPPORTED_SCHEMA';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly code: StorageErrorCode;

  constructor(code: StorageErrorCode, message: string, options?: ErrorOptions) {
    super(`${code}: ${message}`, options);
    this.code = code;
  }
}
