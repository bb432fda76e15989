import type { SymmetricKey } from '@coffre/crypto';
import type { DocumentEntry } from '@coffre/docs';
import { openEncryptedDoc, type OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { entryWriteKeys } from '../../keys/writeKeys.client.ts';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';

type Held = { open: OpenDoc; refs: number; closeTimer: ReturnType<typeof setTimeout> | null; epoch: number; key: string; writer: string | undefined };

/** Folder documents stay open a little after the last view leaves, so walking back up is instant. */
const KEEP_OPEN_MS = 30_000;
const held = new Map<string, Held>();

/** Opens (or shares) the session of a folder document; call `release` when the view goes away. */
export function acquireFolder(
  account: UnlockedAccount,
  collabUrl: string,
  ref: { id: string; key: string; epoch: number; canWrite: boolean; writer?: string; writeKey?: SymmetricKey },
): { open: OpenDoc; release(): void } {
  let h = held.get(ref.id);
  if (h && (h.epoch !== ref.epoch || h.key !== ref.key || h.writer !== ref.writer || (ref.writeKey && !h.open.session.canWrite))) {
    // Its key rotated: the old session cannot follow.
    if (h.closeTimer) clearTimeout(h.closeTimer);
    if (h.refs === 0) h.open.close();
    held.delete(ref.id);
    h = undefined;
  }
  if (!h) {
    const open = openEncryptedDoc({ account, docId: ref.id, key: ref.key, epoch: ref.epoch, collabUrl, canWrite: ref.canWrite, writer: ref.writer, writeKey: ref.writeKey });
    h = { open, refs: 0, closeTimer: null, epoch: ref.epoch, key: ref.key, writer: ref.writer };
    held.set(ref.id, h);
  }
  return { open: h.open, release: retain(ref.id, h) };
}

/**
 * Keeps a folder's open session open until the returned function is called,
 * if this tab holds it (my root is always open): an upload records its file
 * there when it finishes, and a view that left meanwhile must not have
 * closed it under the upload.
 */
export function retainFolder(docId: string): () => void {
  const h = held.get(docId);
  return h ? retain(docId, h) : () => undefined;
}

function retain(docId: string, entry: Held): () => void {
  if (entry.closeTimer) clearTimeout(entry.closeTimer);
  entry.closeTimer = null;
  entry.refs += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    entry.refs -= 1;
    if (entry.refs > 0) return;
    entry.closeTimer = setTimeout(() => {
      if (held.get(docId) === entry) held.delete(docId);
      entry.open.close();
    }, KEEP_OPEN_MS);
  };
}

/**
 * Resolves once the folder has its content: synced and its current snapshot
 * applied (after a key rotation a folder's entries are only in that
 * snapshot), or from the offline copy; rejects when access is denied. After
 * `timeoutMs` it resolves anyway, with what is there.
 */
export function folderReady(open: OpenDoc, timeoutMs = 8000): Promise<void> {
  return new Promise((resolve, reject) => {
    let poll: ReturnType<typeof setInterval> | null = null;
    const done = (s: string) => {
      if (s === 'offline') finish(resolve);
      else if (s === 'denied') finish(() => reject(new Error('You no longer have access to this folder.')));
      else if (s === 'synced' && !poll) {
        if (open.session.caughtUp) finish(resolve);
        else poll = setInterval(() => open.session.caughtUp && finish(resolve), 50);
      }
    };
    const timer = setTimeout(() => finish(resolve), timeoutMs);
    const off = open.connection.onStatus(done);
    function finish(fn: () => void) {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      off();
      fn();
    }
    done(open.connection.status);
  });
}

/**
 * How to open a sub-folder from its entry in folder `parentId`: its key, and
 * its write key when I can write the parent (ADR 0016). Read-only for a
 * viewer, or when its write key does not open here.
 */
export function childFolderRef(entry: Pick<DocumentEntry, 'id' | 'key' | 'epoch' | 'writer' | 'writeKey'>, parentId: string, viewer: boolean) {
  const write = entryWriteKeys(entry, parentId);
  return { id: entry.id, key: entry.key, epoch: entry.epoch, canWrite: !viewer && !(write.writer && !write.writeKey), ...write };
}
