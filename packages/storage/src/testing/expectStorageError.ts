import { expect } from 'vitest';
import { StorageError, type StorageErrorCode } from '../StorageError.ts';

/** Awaits `promise` and asserts it rejected with a StorageError carrying `code`. */
export async function expectStorageError(promise: Promise<unknown>, code: StorageErrorCode): Promise<StorageError> {
  const error: unknown = await promise.then(
    () => {
      throw new Error(`expected StorageError ${code}, but the call succeeded`);
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StorageError);
  expect((error as StorageError).code).toBe(code);
  return error as StorageError;
}
