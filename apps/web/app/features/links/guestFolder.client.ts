import { asSymmetricKey, fromBase64Url, randomBytes, toBase64Url } from '@coffre/crypto';
import { addFolderEntry, cleanEntryName, listFolderEntries, newFolderChild, openEntryWriteKey, type FolderEntry } from '@coffre/docs';
import { openDocViaLink } from '../../keys/openDocViaLink.client.ts';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { registerDocViaLink } from '../../keys/registerDocViaLink.client.ts';
import { folderReady } from '../drive/folderSessions.client.ts';
import { renameInsideDocument } from '../drive/renameInside.client.ts';
import { uploadIntoFolder, type UploadFolder } from '../drive/uploadIntoFolder.client.ts';

type Via = { linkId: string; proof: string };
/** A folder the guest of an edit link has open; `writeKey` (base64url) is the folder's, opened down from the link's. */
export type GuestFolder = { id: string; open: OpenDoc; writeKey?: string };

/** Shown in a file's versions as who uploaded it. */
export const GUEST_UPLOADER = 'A guest (edit link)';

/**
 * A new folder or document made by the guest of an edit link: registered
 * with the server through the link (owned by the folder's owner), then
 * filed here with its write key under this folder's (ADR 0013, 0016).
 */
export async function createThroughLink(via: Via, folder: GuestFolder, kind: 'folder' | 'doc', name: string): Promise<FolderEntry> {
  const id = toBase64Url(randomBytes(16));
  await registerDocViaLink(via, id, folder.id);
  const doc = folder.open.session.doc;
  const existing = listFolderEntries(doc).filter((e) => !e.trashedAt).map((e) => e.title);
  const { entry } = newFolderChild({ id, kind, name, existing, folderWriteKey: folder.writeKey ? asSymmetricKey(fromBase64Url(folder.writeKey)) : null, now: Date.now() });
  addFolderEntry(doc, entry);
  folder.open.session.flush();
  return entry;
}

/** A child's write key (base64url), opened with its folder's; none when the folder's is not held or the entry's does not open. */
export function childWriteKey(folder: { writeKey?: string }, entry: FolderEntry): string | undefined {
  if (!folder.writeKey || entry.kind === 'file') return undefined;
  const key = openEntryWriteKey(entry, asSymmetricKey(fromBase64Url(folder.writeKey)));
  return key ? toBase64Url(key) : undefined;
}

// Uploads a guest's folder session must outlive: each files its entry there when it ends.
const busy = new WeakMap<OpenDoc, { uploads: number; closing: boolean }>();

/** Closes a guest's folder session, or, while uploads into it are still to be filed there, once they are. */
export function closeGuestFolder(open: OpenDoc): void {
  const b = busy.get(open);
  if (b && b.uploads > 0) b.closing = true;
  else open.close();
}

/**
 * A folder the guest of an edit link has open, to upload into: files go
 * through the link's routes and are charged to the folder's owner; a folder
 * tree's sub-folders are made through the link and opened with the write
 * keys their entries hold. Nothing is kept on this device, so an upload cut
 * by closing the page is not resumed (the server drops it after a day).
 */
export function guestUploadFolder(via: Via, collabUrl: string, folder: GuestFolder): UploadFolder {
  return {
    folderId: folder.id,
    entries: () => listFolderEntries(folder.open.session.doc),
    startUpload(file, opts = {}) {
      const b = busy.get(folder.open) ?? { uploads: 0, closing: false };
      busy.set(folder.open, b);
      b.uploads += 1;
      const started = uploadIntoFolder(folder.open, folder.id, file, { ...opts, uploadedBy: GUEST_UPLOADER, via });
      const done = () => {
        b.uploads -= 1;
        if (b.uploads === 0 && b.closing) folder.open.close();
      };
      started.finished.then(done, done);
      return started;
    },
    async subfolder(name) {
      const title = cleanEntryName(name);
      const found = listFolderEntries(folder.open.session.doc).find((e) => e.kind === 'folder' && !e.trashedAt && e.title === title);
      const entry = found ?? (await createThroughLink(via, folder, 'folder', title));
      const writeKey = childWriteKey(folder, entry);
      if (entry.writer && !writeKey) throw new Error(`Nothing can be added to “${entry.title}” through this link.`);
      const open = openDocViaLink({ docId: entry.id, key: entry.key, epoch: entry.epoch, writer: entry.writer, writeKey, collabUrl, write: true, ...via });
      try {
        await folderReady(open);
      } catch (e) {
        open.close();
        throw e;
      }
      return { folder: guestUploadFolder(via, collabUrl, { id: entry.id, open, writeKey }), release: () => closeGuestFolder(open) };
    },
  };
}

const SAVE_WAIT_MS = 10_000;

/**
 * After a guest renamed a document or spreadsheet (`entry`, renamed) in
 * the folder: it takes the new name inside too (renameInsideDocument),
 * opened for a moment with its write key. Best effort: never throws.
 */
export async function renameInsideThroughLink(via: Via, collabUrl: string, folder: GuestFolder, entry: FolderEntry): Promise<void> {
  const writeKey = childWriteKey(folder, entry);
  if (!writeKey) return;
  const open = openDocViaLink({ docId: entry.id, key: entry.key, epoch: entry.epoch, writer: entry.writer, writeKey, collabUrl, write: true, ...via });
  try {
    await renameInsideDocument(open, entry.title);
    // Nothing of this tab outlives it: wait for the change to be on the server before closing.
    const until = Date.now() + SAVE_WAIT_MS;
    while ((open.connection.unsynced || open.session.hasPendingLocalChanges) && Date.now() < until) await new Promise((ok) => setTimeout(ok, 100));
  } catch {
    // The entry is renamed; the document keeps its title until edited.
  } finally {
    open.close();
  }
}
