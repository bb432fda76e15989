import { generateSymmetricKey, toBase64Url } from '@coffre/crypto';
import { newEntryWriteKey, readAttachedRoom, writeAccessFromKey, writeAttachedRoom } from '@coffre/docs';
import { apiFetch } from '../api/apiFetch.ts';
import { openEncryptedDoc, type OpenDoc } from './openEncryptedDoc.client.ts';
import { whenSynced } from './whenSynced.client.ts';
import type { UnlockedAccount } from './unlockedAccount.client.ts';
import { entryWriteKeys, writeKeyOf } from './writeKeys.client.ts';

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
  const parentId = input.parent.session.docId;
  const roomWrite = entryWriteKeys({ id: room.roomId, epoch: room.epoch, writer: room.writer, writeKey: room.writeKey }, parentId);
  const handle = openEncryptedDoc({ account: input.account, docId: room.roomId, key: room.key, epoch: room.epoch, collabUrl: input.collabUrl, canWrite: true, ...roomWrite });
  try {
    // The snapshot under the new key is the whole room as this tab holds it: all of it must be in first.
    if (!(await whenSynced(handle))) return false;
    const epoch = room.epoch + 1;
    const key = generateSymmetricKey();
    // A new write key too, under the item's new one (the caller rotated the item first); none if the item has none.
    const itemWriteKey = writeKeyOf(parentId);
    const write = itemWriteKey ? newEntryWriteKey(room.roomId, epoch, itemWriteKey) : null;
    if (!(await handle.connection.history.rotate(epoch, key, write ? writeAccessFromKey(write.key) : undefined))) return false;
    await apiFetch(`/docs/${encodeURIComponent(room.roomId)}/rotate`, { epoch, grants: [], attached: true });
    writeAttachedRoom(input.parent.session.doc, { roomId: room.roomId, key: toBase64Url(key), epoch, ...(write && { writer: write.writer, writeKey: write.writeKey }) });
    input.parent.session.flush();
    return true;
  } finally {
    handle.close();
  }
}
