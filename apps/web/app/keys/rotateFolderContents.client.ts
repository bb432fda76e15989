import { listFolderEntries, updateFolderEntry, type FolderEntry } from '@coffre/docs';
import { openEncryptedDoc, type OpenDoc } from './openEncryptedDoc.client.ts';
import { rotateAttachedRoom } from './rotateAttachedRoom.client.ts';
import { rotateDocumentKey } from './rotateDocumentKey.client.ts';
import type { UnlockedAccount } from './unlockedAccount.client.ts';
import { whenSaved, whenSynced } from './whenSynced.client.ts';
import { entryWriteKeys, rotatedEntryPatch, type RotatedKeys } from './writeKeys.client.ts';

type DocumentEntry = Exclude<FolderEntry, { kind: 'file' }>;
export type ContentsRotation = { rotated: number; failed: string[] };

/**
 * After someone lost access to a folder (whose own key has just been
 * rotated): every document, spreadsheet, calendar, chat room and sub-folder
 * inside it, down the tree and in its trash too, moves to a fresh key, and
 * its entry is rewritten under the folder's new key. They held the old keys
 * of all of it; what is written from now on is unreadable to them.
 * Files are not re-encrypted: what they hold was readable to them already,
 * and each new version of a file gets a key of its own (ADR 0014).
 * @returns how many items got a new key, and the names of those that did not
 */
export async function rotateFolderContents(input: {
  account: UnlockedAccount;
  folder: OpenDoc;
  collabUrl: string;
  onProgress?: (done: number, total: number) => void;
  /** Each item that got a new key, as it does (to re-seal my links to it). */
  onRotated?: (itemId: string, rotated: RotatedKeys) => Promise<unknown>;
}): Promise<ContentsRotation> {
  const out: ContentsRotation = { rotated: 0, failed: [] };
  const entries = listFolderEntries(input.folder.session.doc).filter((e): e is DocumentEntry => e.kind !== 'file');
  const folderId = input.folder.session.docId;
  let done = 0;
  for (const entry of entries) {
    const handle = openEncryptedDoc({ account: input.account, docId: entry.id, key: entry.key, epoch: entry.epoch, collabUrl: input.collabUrl, canWrite: true, ...entryWriteKeys(entry, folderId) });
    try {
      const rotated = (await whenSynced(handle))
        ? await rotateDocumentKey({ account: input.account, open: handle, docId: entry.id, epoch: entry.epoch, kind: entry.kind, name: entry.title })
        : null;
      if (!rotated) {
        out.failed.push(entry.title);
        continue;
      }
      // The new key lives only in this entry (and in grants to the people shared with directly): saved before going on.
      updateFolderEntry(input.folder.session.doc, entry.id, rotatedEntryPatch(entry.id, rotated, folderId));
      if (!(await whenSaved(input.folder))) {
        out.failed.push(entry.title);
        break;
      }
      out.rotated += 1;
      await input.onRotated?.(entry.id, rotated);
      if (!(await rotateAttachedRoom({ account: input.account, parent: handle, collabUrl: input.collabUrl }))) out.failed.push(`the chat of ${entry.title}`);
      if (entry.kind === 'folder') {
        const inner = await rotateFolderContents({ account: input.account, folder: handle, collabUrl: input.collabUrl, onRotated: input.onRotated });
        out.rotated += inner.rotated;
        out.failed.push(...inner.failed.map((name) => `${entry.title}/${name}`));
      }
      await whenSaved(handle); // the chat's new key, written inside the item
    } finally {
      handle.close();
      input.onProgress?.(++done, entries.length);
    }
  }
  return out;
}
