import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { assertBlobKey } from '../assertBlobKey.ts';
import type { BlobPutOptions, BlobRange, BlobStat, BlobStore } from '../interfaces/BlobStore.ts';
import { StorageError } from '../StorageError.ts';
import { fsyncDir } from './fsyncDir.ts';
import { isNotFound } from './isNotFound.ts';
import { readFileRange } from './readFileRange.ts';

export interface DiskBlobStoreOptions {
  /** Delete the whole directory on close (the `memory` driver's temp dir). */
  removeOnClose?: boolean;
}

/**
 * Blobs as files under `root/<first 2 chars of key>/<key>`. Writes go to a temp file in the
 * same directory (`.<key>.<random>.tmp`, never a valid key), are fsynced, renamed into place
 * and the directory fsynced, so a blob is either absent or whole and durable.
 *
 * Keys that differ only in letter case name the same file on a case-insensitive filesystem
 * (macOS defaults); servers run on Linux, and callers use random ids.
 */
export class DiskBlobStore implements BlobStore {
  readonly root: string;
  readonly #removeOnClose: boolean;
  #closed = false;

  private constructor(root: string, options: DiskBlobStoreOptions) {
    this.root = root;
    this.#removeOnClose = options.removeOnClose ?? false;
  }

  /** Creates `root` (mode 0700) if missing. */
  static async open(root: string, options: DiskBlobStoreOptions = {}): Promise<DiskBlobStore> {
    await mkdir(root, { recursive: true, mode: 0o700 });
    return new DiskBlobStore(root, options);
  }

  async put(key: string, source: Uint8Array | AsyncIterable<Uint8Array>, options: BlobPutOptions = {}): Promise<{ size: number }> {
    const { dir, file } = this.#locate(key);
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    if (!(maxBytes >= 0)) throw new RangeError('maxBytes must be >= 0');
    if (source instanceof Uint8Array && source.byteLength > maxBytes) {
      throw new StorageError('TOO_LARGE', 'blob exceeds maxBytes');
    }
    // A new shard directory must itself be durable in the root before the blob can be.
    if ((await mkdir(dir, { recursive: true, mode: 0o700 })) !== undefined) await fsyncDir(this.root);

    const temp = join(dir, `.${key}.${randomBytes(8).toString('hex')}.tmp`);
    let size = 0;
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        for await (const chunk of source instanceof Uint8Array ? [source] : source) {
          if (!(chunk instanceof Uint8Array)) throw new TypeError('blob source must yield Uint8Array chunks');
          size += chunk.byteLength;
          if (size > maxBytes) throw new StorageError('TOO_LARGE', 'blob exceeds maxBytes');
          for (let offset = 0; offset < chunk.byteLength; ) {
            offset += (await handle.write(chunk, offset, chunk.byteLength - offset)).bytesWritten;
          }
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    // An fsync failure fails the put: never acknowledge what may not be on disk.
    await fsyncDir(dir);
    return { size };
  }

  async get(key: string, range?: BlobRange): Promise<AsyncIterable<Uint8Array> | null> {
    const { file } = this.#locate(key);
    if (range) {
      const { start, end } = range;
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
        throw new RangeError('blob range needs integers 0 <= start <= end');
      }
    }
    if ((await this.stat(key)) === null) return null;
    return readFileRange(file, range?.start ?? 0, range?.end ?? Number.POSITIVE_INFINITY);
  }

  async stat(key: string): Promise<BlobStat | null> {
    const { file } = this.#locate(key);
    try {
      const info = await stat(file);
      return { size: info.size, modifiedAt: Math.floor(info.mtimeMs) };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<boolean> {
    const { dir, file } = this.#locate(key);
    try {
      await unlink(file);
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
    await fsyncDir(dir);
    return true;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#removeOnClose) await rm(this.root, { recursive: true, force: true });
  }

  #locate(key: string): { dir: string; file: string } {
    if (this.#closed) throw new StorageError('CLOSED', 'blob store is closed');
    assertBlobKey(key);
    const dir = join(this.root, key.slice(0, 2).padEnd(2, '_'));
    return { dir, file: join(dir, key) };
  }
}
