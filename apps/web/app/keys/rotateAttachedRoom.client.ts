import { generateSymmetricKey, toBase64Url } from '@coffre/crypto';
import { readAttachedRoom, writeAttachedRoom } from '@coffre/docs';
import { apiFetch } from '../api/apiFetch.ts';
import { openEncryptedDoc, type OpenDoc } from './openEncryptedDoc.client.ts';
import { whenSynced } from './whenSynced.client.ts';
import type { UnlockedAccount } from './unlockedAccount.client.ts';

/**
 * After someone lost access to a folder or document (whose own key has just
 * been rotated): the item's chat moves to a fresh key too, written under the
 * item's new key, so what is said there from now on is unreadable to them.
 * Nothing to do when the item has no chat.
 * @returns false when the room could not be rotated (the caller says so; removing again retries)
 */
export async function rotateAttachedRoom(input: { account: UnlockedAccount; parent: OpenDoc; collabUrl: string }): Promise<boolean> {
  const room = readAttachedRoom(input.parent.session.doc);
  if (!room) return true;
  const handle = openEncryptedDoc({ account: input.account, docId: room.roomId, key: room.key, epoch: room.epoch, collabUrl: input.collabUrl, canWrite: true });
  try {
    // The snapshot under the new key is the whole room as this tab holds it: all of it must be in first.
    if (!(await whenSynced(handle))) return false;
    const epoch = room.epoch + 1;
    const key = generateSymmetricKey();
    if (!(await handle.connection.history.rotate(epoch, key))) return false;
    await apiFetch(`/docs/${encodeURIComponent(room.roomId)}/rotate`, { epoch, grants: [], attached: true });
    writeAttachedRoom(input.parent.session.doc, { roomId: room.roomId, key: toBase64Url(key), epoch });
    input.parent.session.flush();
    return true;
  } finally {
    handle.close();
  }
}
