import type { Storage } from '../interfaces/Storage.ts';

/** What an adapter hands the contract suite for each test. */
export interface StorageHarness {
  storage: Storage;
  /** Closes whatever storage is current and removes its data. */
  cleanup(): Promise<void>;
  /** Closes the storage and opens a new one over the same data. Enables the durability tests. */
  reopen?(): Promise<Storage>;
  /** Every file under the blob store (any depth, temp files included). Enables the leftover checks. */
  blobFiles?(): Promise<string[]>;
}
