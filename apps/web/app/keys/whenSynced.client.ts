import type { OpenDoc } from './openEncryptedDoc.client.ts';

const SYNC_WAIT_MS = 15_000;

/**
 * Resolves true once the document has everything the server has (synced, and
 * its current snapshot applied), false if access is denied or it takes over 15 s.
 */
export async function whenSynced(open: OpenDoc): Promise<boolean> {
  const deadline = Date.now() + SYNC_WAIT_MS;
  const synced =
    open.connection.status === 'synced' ||
    (await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => (off(), resolve(false)), SYNC_WAIT_MS);
      const off = open.connection.onStatus((s) => {
        if (s !== 'synced' && s !== 'denied') return;
        clearTimeout(timer);
        off();
        resolve(s === 'synced');
      });
    }));
  if (!synced) return false;
  while (!open.session.caughtUp) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** Resolves true once every local edit is sealed and acknowledged by the server, false after 15 s. */
export async function whenSaved(open: OpenDoc): Promise<boolean> {
  open.session.flush();
  const deadline = Date.now() + SYNC_WAIT_MS;
  while (open.connection.unsynced || open.session.hasPendingLocalChanges || open.connection.status !== 'synced') {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}
