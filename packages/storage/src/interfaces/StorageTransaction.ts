import type { Storage } from './Storage.ts';

/** The stores as seen inside `Storage.transaction`. Blobs are not transactional. */
export type StorageTransaction = Omit<Storage, 'transaction' | 'close' | 'blobs'>;
