import { StorageError } from './StorageError.ts';

/** Blob keys are opaque ids: no dots or slashes, so they can never name a path outside the store. */
export const BLOB_KEY_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** @throws StorageError('INVALID_KEY') when `key` does not match `BLOB_KEY_PATTERN`. */
export function assertBlobKey(key: string): void {
  if (typeof key !== 'string' || !BLOB_KEY_PATTERN.test(key)) {
    throw new StorageError('INVALID_KEY', 'blob key must match [A-Za-z0-9_-]{1,128}');
  }
}
