import type { BlobStore } from '../interfaces/BlobStore.ts';
import type { Storage } from '../interfaces/Storage.ts';
import type { StorageTransaction } from '../interfaces/StorageTransaction.ts';
import { createSqliteStores } from './createSqliteStores.ts';
import type { SqliteConnection } from './SqliteConnection.ts';

interface Closable {
  close(): Promise<void>;
}

/** SQLite metadata plus any blob store, closed together. */
export class SqliteStorage implements Storage {
  readonly accounts: StorageTransaction['accounts'];
  readonly sessions: StorageTransaction['sessions'];
  readonly rateLimits: StorageTransaction['rateLimits'];
  readonly ephemeral: StorageTransaction['ephemeral'];
  readonly documents: StorageTransaction['documents'];
  readonly snapshots: StorageTransaction['snapshots'];
  readonly files: StorageTransaction['files'];
  readonly members: StorageTransaction['members'];
  readonly grants: StorageTransaction['grants'];
  readonly links: StorageTransaction['links'];
  readonly quota: StorageTransaction['quota'];
  readonly settings: StorageTransaction['settings'];
  readonly blobs: BlobStore;
  readonly #connection: SqliteConnection;
  readonly #blobs: BlobStore & Closable;

  constructor(connection: SqliteConnection, blobs: BlobStore & Closable) {
    const stores = createSqliteStores(connection);
    this.accounts = stores.accounts;
    this.sessions = stores.sessions;
    this.rateLimits = stores.rateLimits;
    this.ephemeral = stores.ephemeral;
    this.documents = stores.documents;
    this.snapshots = stores.snapshots;
    this.files = stores.files;
    this.members = stores.members;
    this.grants = stores.grants;
    this.links = stores.links;
    this.quota = stores.quota;
    this.settings = stores.settings;
    this.blobs = blobs;
    this.#blobs = blobs;
    this.#connection = connection;
  }

  transaction<T>(fn: (tx: StorageTransaction) => Promise<T>): Promise<T> {
    return this.#connection.transaction((runner) => fn(createSqliteStores(runner)));
  }

  async close(): Promise<void> {
    try {
      await this.#connection.close();
    } finally {
      await this.#blobs.close();
    }
  }
}
