import * as Y from 'yjs';
import { asSymmetricKey, fromBase64Url, toBase64Url, type SymmetricKey } from '@coffre/crypto';
import { EncryptedAwareness, EncryptedDocSession, connectHocuspocus, writeAccessOf, type HocuspocusConnection, type IntegrityEvent, type SnapshotAnchor } from '@coffre/docs';
import { attachOfflineStore, forgetCachedEnvelopes } from './offlineDoc.client.ts';
import type { UnlockedAccount } from './unlockedAccount.client.ts';
import { rememberWriteKey } from './writeKeys.client.ts';

const BATCH_WITH_OTHERS_MS = 100;
const BATCH_ALONE_MS = 1000;

/** Edits a closing session could not seal (its key was rotated away), for the next session of that document in this tab. */
const handover = new Map<string, Uint8Array[]>();

export type OpenDoc = { session: EncryptedDocSession; connection: HocuspocusConnection; presence: EncryptedAwareness; close(): void };

export type OpenDocInput = {
  account: UnlockedAccount;
  docId: string;
  key: Uint8Array | string;
  epoch: number;
  collabUrl: string;
  canWrite?: boolean;
  /** The item's public write key (base64url), from its entry, grant or link: writes are checked against it (ADR 0016). */
  writer?: string;
  /** The item's write key, for those who may write it; a folder's also opens its children's. */
  writeKey?: SymmetricKey;
};

/** The last integrity event of each open session, kept so a view mounted after it (a folder, once ready) still shows it. */
const integrityProblems = new WeakMap<EncryptedDocSession, IntegrityEvent>();

/** What last failed verification in this session (null when nothing did). */
export function lastIntegrityProblem(session: EncryptedDocSession): IntegrityEvent | null {
  return integrityProblems.get(session) ?? null;
}

/** Opens a document by id and key: a local plaintext Y.Doc synced as envelopes through the collab server. */
export function openEncryptedDoc(input: OpenDocInput): OpenDoc {
  const key = asSymmetricKey(typeof input.key === 'string' ? fromBase64Url(input.key) : input.key);
  if (input.writeKey) rememberWriteKey(input.docId, input.writeKey);
  let presence: EncryptedAwareness | undefined;
  const session = new EncryptedDocSession({
    docId: input.docId,
    keys: { current: { epoch: input.epoch, key, write: writeAccessOf(input.writer, input.writeKey) } },
    identity: input.account.identity,
    trustAnchor: localAnchor(input.account.userId, input.docId),
    // Others see edits quickly; alone, edits are gathered longer into fewer envelopes (DESIGN.md §3).
    batchMs: () => (presence?.othersPresent ? BATCH_WITH_OTHERS_MS : BATCH_ALONE_MS),
  });
  session.onIntegrityError((e) => integrityProblems.set(session, e));
  const offline = attachOfflineStore({ userId: input.account.userId, session, key, epoch: input.epoch });
  let carried = handover.get(input.docId) ?? null;
  handover.delete(input.docId);
  const connection = connectHocuspocus(session, { url: input.collabUrl, canWrite: (input.canWrite ?? true) && session.canWrite, snapshotCache: offline.snapshotCache });
  // The server refused what this device sent (e.g. its copy holds a forgery): kept, that copy would be sent again at every open.
  connection.onStatus(() => connection.refused && offline.forget());
  // Handed-over edits go in once this session has what the server has: then only what the server lacks is a new
  // change (a whole state applied to an empty document would be one change as large as the document).
  let offCarried: Array<() => void> = [];
  const restoreCarried = () => {
    if (!carried || connection.status !== 'synced' || !session.caughtUp) return;
    const pending = carried;
    carried = null;
    offCarried.forEach((off) => off());
    session.restorePending(pending);
  };
  if (carried) offCarried = [connection.onStatus(restoreCarried), session.onChange(restoreCarried)];
  restoreCarried();
  presence = new EncryptedAwareness(session, connection.provider.awareness!);
  const flushOnHide = () => session.flush();
  window.addEventListener('pagehide', flushOnHide);
  return {
    session,
    connection,
    presence,
    close() {
      window.removeEventListener('pagehide', flushOnHide);
      session.flush();
      const unsent = session.takePending();
      // After a key rotation, envelopes sealed under the old key may have been refused: hand the whole
      // state over, and the next session re-seals whatever the server does not have.
      const rotatedAway = session.keyOutdated;
      if (rotatedAway) handover.set(input.docId, [Y.encodeStateAsUpdateV2(session.doc)]);
      else if (unsent) handover.set(input.docId, unsent);
      // Give the provider a moment to send the last envelope before closing.
      setTimeout(() => {
        presence.destroy();
        connection.destroy();
        void offline.detach().then(() => (rotatedAway ? forgetCachedEnvelopes(input.account.userId, input.docId, input.epoch) : undefined));
        session.destroy();
      }, 200);
    },
  };
}

/** The last snapshot this device saw of a document; not secret, kept across sessions to refuse rollbacks. */
function localAnchor(userId: string, docId: string): { get(): SnapshotAnchor | null; set(a: SnapshotAnchor): void } {
  const key = `coffre:anchor:${userId}:${docId}`;
  return {
    get() {
      try {
        const raw = JSON.parse(localStorage.getItem(key) ?? 'null') as { snapshotId: string; chainHash: string } | null;
        return raw ? { snapshotId: raw.snapshotId, chainHash: fromBase64Url(raw.chainHash) } : null;
      } catch {
        return null;
      }
    },
    set(a) {
      localStorage.setItem(key, JSON.stringify({ snapshotId: a.snapshotId, chainHash: toBase64Url(a.chainHash) }));
    },
  };
}
