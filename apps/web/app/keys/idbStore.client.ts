import { idbRequest, openIdb } from './idbRequest.client.ts';

/** A tiny promise wrapper over one IndexedDB object store (bytes by string key). */
export type IdbStore = {
  get(key: string): Promise<Uint8Array | null>;
  put(key: string, value: Uint8Array): Promise<void>;
  delete(key: string): Promise<void>;
};

const DB_NAME = 'coffre-offline';
const STORES = ['snapshots', 'pending'] as const;
let dbPromise: Promise<IDBDatabase> | null = null;

function run<T>(store: (typeof STORES)[number], mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  dbPromise ??= openIdb(DB_NAME, 1, STORES);
  return idbRequest<T>(dbPromise, store, mode, fn);
}

export function idbStore(store: (typeof STORES)[number]): IdbStore {
  return {
    get: async (key) => {
      const v = await run<unknown>(store, 'readonly', (s) => s.get(key));
      return v instanceof Uint8Array ? v : null;
    },
    put: (key, value) => run<void>(store, 'readwrite', (s) => s.put(value, key)),
    delete: (key) => run<void>(store, 'readwrite', (s) => s.delete(key)),
  };
}

/** Removes every Coffre database of this origin (logout). */
export async function deleteOfflineData(): Promise<void> {
  dbPromise?.then((db) => db.close()).catch(() => undefined);
  dbPromise = null;
  const names = (await indexedDB.databases?.()) ?? [];
  await Promise.all(
    names
      .map((d) => d.name)
      .filter((n): n is string => typeof n === 'string' && n.startsWith('coffre'))
      .map((n) => new Promise<void>((resolve) => {
        const req = indexedDB.deleteDatabase(n);
        req.onsuccess = req.onerror = req.onblocked = () => resolve();
      })),
  );
}
