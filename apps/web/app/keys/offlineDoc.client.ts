import { DOMAINS, openAead, sealAead, type SymmetricKey } from '@coffre/crypto';
import type { EncryptedDocSession, SnapshotCache } from '@coffre/docs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { idbStore } from './idbStore.client.ts';

/**
 * What a device keeps of a document to work offline, all of it ciphertext:
 * the envelope document (y-indexeddb), snapshots it has seen, and edits not
 * yet sealed into an envelope, sealed under the document key.
 */
export function attachOfflineStore(input: { userId: string; session: EncryptedDocSession; key: SymmetricKey; epoch: number }): {
  snapshotCache: SnapshotCache;
  ready: Promise<void>;
  detach(): Promise<void>;
} {
  const { session, key } = input;
  const id = `${input.userId}:${session.docId}`;
  // One cache per key epoch: after a rotation, writes refused under the old key are never resent.
  const persistence = new IndexeddbPersistence(envelopeDbName(input.userId, session.docId, input.epoch), session.envelope);
  const snapshots = idbStore('snapshots');
  const pending = idbStore('pending');
  const fields = { docId: session.docId };

  const ready = pending
    .get(id)
    .then((sealed) => {
      if (!sealed) return;
      try {
        session.restorePending(openAead(key, sealed, DOMAINS.docPending, fields));
      } catch {
        void pending.delete(id); // tampered or from an old key: never applied
      }
    })
    .catch(() => undefined);
  let writes = Promise.resolve();
  const off = session.onPendingChange((update) => {
    writes = writes
      .then(() => (update ? pending.put(id, sealAead(key, update, DOMAINS.docPending, fields)) : pending.delete(id)))
      .catch(() => undefined);
  });
  return {
    ready,
    snapshotCache: {
      get: (snapshotId) => snapshots.get(`${session.docId}:${snapshotId}`),
      put: (snapshotId, bytes) => snapshots.put(`${session.docId}:${snapshotId}`, bytes),
    },
    async detach() {
      off();
      await persistence.destroy();
    },
  };
}

function envelopeDbName(userId: string, docId: string, epoch: number): string {
  return `coffre-envelopes:${userId}:${docId}:${epoch}`;
}

/** Drops the envelope cache of a past epoch (after a key rotation). */
export function forgetCachedEnvelopes(userId: string, docId: string, epoch: number): Promise<void> {
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(envelopeDbName(userId, docId, epoch));
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}
