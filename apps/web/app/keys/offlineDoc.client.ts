import { DOMAINS, openAead, sealAead, type SymmetricKey } from '@coffre/crypto';
import type { EncryptedDocSession, SnapshotCache } from '@coffre/docs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { forgetCopyOnIntegrityProblem } from './forgetCopyOnIntegrityProblem.ts';
import { idbStore } from './idbStore.client.ts';

/**
 * What a device keeps of a document to work offline, all of it ciphertext:
 * the envelope document (y-indexeddb), snapshots it has seen, and edits not
 * yet sealed into an envelope, sealed under the document key.
 */
export function attachOfflineStore(input: { userId: string; session: EncryptedDocSession; key: SymmetricKey; epoch: number }): {
  snapshotCache: SnapshotCache;
  ready: Promise<void>;
  /** Forgets the envelope copy (the next open starts from what the server holds), e.g. after the server refused what it holds. */
  forget(): void;
  detach(): Promise<void>;
} {
  const { session, key } = input;
  const id = `${input.userId}:${session.docId}`;
  // One cache per key epoch: after a rotation, writes refused under the old key are never resent.
  const persistence = new IndexeddbPersistence(envelopeDbName(input.userId, session.docId, input.epoch), session.envelope);
  let forgotten = false;
  const forget = () => {
    if (forgotten) return;
    forgotten = true;
    void persistence.clearData().catch(() => undefined);
  };
  const offTainted = forgetCopyOnIntegrityProblem(session, forget);
  const snapshots = idbStore('snapshots');
  const pending = idbStore('pending');
  // Pending edits are kept as groups (u32 length ‖ update, repeated); a store written before groups holds one update.
  const fields = { docId: session.docId, format: 'groups' };
  const oldFields = { docId: session.docId };

  const ready = pending
    .get(id)
    .then((sealed) => {
      if (!sealed) return;
      try {
        session.restorePending(readPending(sealed));
      } catch {
        void pending.delete(id); // tampered or from an old key: never applied
      }
    })
    .catch(() => undefined);
  function readPending(sealed: Uint8Array): Uint8Array[] {
    try {
      return decodeGroups(openAead(key, sealed, DOMAINS.docPending, fields));
    } catch {
      return [openAead(key, sealed, DOMAINS.docPending, oldFields)];
    }
  }
  let writes = Promise.resolve();
  const off = session.onPendingChange((groups) => {
    writes = writes
      .then(() => (groups ? pending.put(id, sealAead(key, encodeGroups(groups), DOMAINS.docPending, fields)) : pending.delete(id)))
      .catch(() => undefined);
  });
  return {
    ready,
    snapshotCache: {
      get: (snapshotId) => snapshots.get(`${session.docId}:${snapshotId}`),
      put: (snapshotId, bytes) => snapshots.put(`${session.docId}:${snapshotId}`, bytes),
    },
    forget,
    async detach() {
      off();
      offTainted();
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

function encodeGroups(groups: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(groups.reduce((n, g) => n + 4 + g.length, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const g of groups) {
    view.setUint32(at, g.length);
    out.set(g, at + 4);
    at += 4 + g.length;
  }
  return out;
}

/** @throws RangeError when the lengths do not add up (it was authenticated, so only a bug can get here) */
function decodeGroups(bytes: Uint8Array): Uint8Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    if (at + 4 > bytes.length) throw new RangeError('pending groups');
    const n = view.getUint32(at);
    if (at + 4 + n > bytes.length) throw new RangeError('pending groups');
    out.push(bytes.slice(at + 4, at + 4 + n));
    at += 4 + n;
  }
  return out;
}
