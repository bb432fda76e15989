export interface BlobPutOptions {
  /** Refuse (and store nothing) once the body exceeds this many bytes. */
  maxBytes?: number;
}

/** Byte range to read: `start` inclusive, `end` exclusive (like `Uint8Array.slice`), clamped to the size. */
export interface BlobRange {
  start: number;
  end: number;
}

export interface BlobStat {
  size: number;
  modifiedAt: number;
}

/**
 * Immutable-by-convention byte objects under opaque keys (`BLOB_KEY_PATTERN`). Bodies stream
 * in and out; a blob is either wholly visible or absent.
 */
export interface BlobStore {
  /**
   * Stores the body under `key`, replacing any blob there, and resolves once it is durable.
   * On any failure (source error, `maxBytes`, I/O) nothing is stored.
   * @throws StorageError('INVALID_KEY') for a key outside `BLOB_KEY_PATTERN`.
   * @throws StorageError('TOO_LARGE') when the body exceeds `maxBytes`.
   */
  put(key: string, source: Uint8Array | AsyncIterable<Uint8Array>, options?: BlobPutOptions): Promise<{ size: number }>;
  /**
   * The body (or a range of it) as a stream, or null when there is no such blob.
   * @throws StorageError('INVALID_KEY') for a key outside `BLOB_KEY_PATTERN`.
   * @throws RangeError for a negative, fractional or inverted range.
   */
  get(key: string, range?: BlobRange): Promise<AsyncIterable<Uint8Array> | null>;
  /** @throws StorageError('INVALID_KEY') for a key outside `BLOB_KEY_PATTERN`. */
  stat(key: string): Promise<BlobStat | null>;
  /**
   * Idempotent; resolves to whether a blob was removed.
   * @throws StorageError('INVALID_KEY') for a key outside `BLOB_KEY_PATTERN`.
   */
  delete(key: string): Promise<boolean>;
}
