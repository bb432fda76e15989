import { DOMAINS, openAead, sealAead, utf8Decode, utf8Encode, type SymmetricKey } from '@coffre/crypto';
import { idbRequest, openIdb } from './idbRequest.client.ts';

/** What an unfinished upload needs to finish after a reload: where it goes, under which keys. */
export type ResumeRecord = {
  fileId: string;
  version: number;
  fileKey: string;
  /** The folder, with its writer and write key (base64url) when it has them (ADR 0016). */
  parent: { id: string; key: string; epoch: number; canWrite: boolean; writer?: string; writeKey?: string };
  name: string;
  mime: string;
  replacing: boolean;
  uploadedBy: string;
};

type Stored = { sealed: Uint8Array; file: Blob };

const DB_NAME = 'coffre-uploads';
const STORE = 'uploads';
let dbPromise: Promise<IDBDatabase> | null = null;

function tx<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  dbPromise ??= openIdb(DB_NAME, 1, [STORE]);
  return idbRequest<T>(dbPromise, STORE, mode, fn);
}

/** Uploads running in this tab right now: never resumed a second time. */
const activeHere = new Set<string>();

const fields = (userId: string, fileId: string, version: number) => ({ userId, fileId, version });
const keyOf = (userId: string, fileId: string, version: number) => `${userId}:${fileId}:${version}`;

/**
 * Unfinished uploads kept in this browser: the file itself (the user's own
 * bytes on the user's own disk, as the file picker gave them) and, sealed
 * under the root folder key, the keys and target. Nothing here is sent anywhere.
 */
export const uploadResumeStore = {
  async save(userId: string, rootKey: SymmetricKey, record: ResumeRecord, file: Blob): Promise<void> {
    activeHere.add(keyOf(userId, record.fileId, record.version));
    const sealed = sealAead(rootKey, utf8Encode(JSON.stringify(record)), DOMAINS.uploadResume, fields(userId, record.fileId, record.version));
    await tx('readwrite', (s) => s.put({ sealed, file } satisfies Stored, keyOf(userId, record.fileId, record.version)));
  },

  async remove(userId: string, fileId: string, version: number): Promise<void> {
    activeHere.delete(keyOf(userId, fileId, version));
    await tx('readwrite', (s) => s.delete(keyOf(userId, fileId, version)));
  },

  /** This user's unfinished uploads; a record that does not open under the key is dropped, never used. */
  async list(userId: string, rootKey: SymmetricKey): Promise<Array<{ record: ResumeRecord; file: Blob }>> {
    const keys = await tx<IDBValidKey[]>('readonly', (s) => s.getAllKeys());
    const out: Array<{ record: ResumeRecord; file: Blob }> = [];
    for (const k of keys) {
      const [owner, fileId, version] = String(k).split(':');
      if (owner !== userId || !fileId || !version || activeHere.has(String(k))) continue;
      const stored = await tx<Stored | undefined>('readonly', (s) => s.get(k));
      try {
        if (!stored || !(stored.file instanceof Blob)) throw new Error('incomplete record');
        const record = JSON.parse(utf8Decode(openAead(rootKey, stored.sealed, DOMAINS.uploadResume, fields(userId, fileId, Number(version))))) as ResumeRecord;
        if (record.fileId !== fileId || record.version !== Number(version)) throw new Error('record moved');
        activeHere.add(String(k));
        out.push({ record, file: stored.file });
      } catch {
        await tx('readwrite', (s) => s.delete(k));
      }
    }
    return out;
  },
};
