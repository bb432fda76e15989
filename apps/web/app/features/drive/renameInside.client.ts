import { setTextDocTitle, textDocTitle, type FolderEntry } from '@coffre/docs';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { acquireFolder, childFolderRef, folderReady } from './folderSessions.client.ts';

/**
 * After a rename in the drive, a document or spreadsheet (`entry`, renamed)
 * takes the new name inside too (useTitleSync), opened for a moment with its write key; one
 * that is not writable here keeps its own. Best effort: never throws.
 */
export async function renameInside(entry: FolderEntry, parentId: string, ctx: { account: UnlockedAccount; collabUrl: string }): Promise<void> {
  const held = acquireFolder(ctx.account, ctx.collabUrl, childFolderRef(entry, parentId, false));
  try {
    await renameInsideDocument(held.open, entry.title);
  } catch {
    // The entry is renamed; the document keeps its title until edited.
  } finally {
    held.release();
  }
}

/**
 * After a rename in the drive: the document, opened by the caller, takes
 * the new name inside too, once caught up, if it had a title of its own
 * (an untitled one shows the entry's) and can be written here.
 */
export async function renameInsideDocument(open: OpenDoc, name: string): Promise<void> {
  await folderReady(open);
  const current = textDocTitle(open.session.doc).toString();
  if (!open.session.canWrite || !current || current === name) return;
  setTextDocTitle(open.session.doc, name);
  open.session.flush();
}
