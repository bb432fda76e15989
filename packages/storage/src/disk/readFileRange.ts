import { open, type FileHandle } from 'node:fs/promises';
import { StorageError } from '../StorageError.ts';
import { isNotFound } from './isNotFound.ts';

/** Bytes per chunk yielded when streaming a blob out. */
export const BLOB_READ_CHUNK_BYTES = 64 * 1024;

/**
 * Streams `[start, end)` of a file, clamped to its size. Opens the file on the first `next()`,
 * so an abandoned stream holds no descriptor; once open, it reads that one file even if the
 * key is replaced or deleted meanwhile.
 */
export async function* readFileRange(path: string, start: number, end: number): AsyncGenerator<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (isNotFound(error)) throw new StorageError('NOT_FOUND', 'blob was deleted before it was read', { cause: error });
    throw error;
  }
  try {
    const stop = Math.min(end, (await handle.stat()).size);
    let position = start;
    while (position < stop) {
      const length = Math.min(BLOB_READ_CHUNK_BYTES, stop - position);
      // A fresh buffer per chunk: the consumer may keep it.
      const buffer = new Uint8Array(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      yield bytesRead === length ? buffer : buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
