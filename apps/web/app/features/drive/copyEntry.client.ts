import * as Y from 'yjs';
import { forgetAttachedRoom, listFolderEntries, setTextDocTitle, uniqueName, type FolderEntry } from '@coffre/docs';
import { downloadFile } from '../../keys/downloadFile.client.ts';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { currentVersionSource } from './currentVersionSource.ts';
import { DriveFolderActions } from './DriveFolderActions.client.ts';
import { acquireFolder, childFolderRef, folderReady } from './folderSessions.client.ts';

type CopyContext = { account: UnlockedAccount; collabUrl: string; onUpload?(u: ReturnType<DriveFolderActions['startUpload']>['upload'], name: string): void };

/**
 * "Make a copy" in the same folder (`as`: the copy's name, else "… (copy)"). The copy is a new item with a new id and
 * a new key (never the original's ciphertext under a shared key): a file is
 * decrypted and uploaded again; a document's whole state is written into a
 * new document, sealed by this browser.
 * @returns a promise that settles when the copy is filed (uploads show on the transfer panel via `onUpload`)
 */
export async function copyEntry(entry: FolderEntry, into: DriveFolderActions, ctx: CopyContext, as?: string): Promise<void> {
  const name = uniqueName(into.names(), as ?? copyName(entry.title));
  if (entry.kind === 'file') {
    // Verified against the version's digest; the copy's upload hashes it anew.
    const blob = await downloadFile(currentVersionSource(entry)!.source);
    const { upload, finished } = into.startUpload(new File([blob], name, { type: entry.mime }), { name });
    ctx.onUpload?.(upload, name);
    await finished;
    return;
  }
  if (entry.kind === 'folder') return copyFolder(entry, name, into, ctx);
  if (entry.kind !== 'doc' && entry.kind !== 'sheet' && entry.kind !== 'calendar') throw new Error('only files, folders, documents, spreadsheets and calendars can be copied');
  await copyDocumentState(entry, await into.create(entry.kind, name), ctx, into.folderId);
}

/**
 * A folder copy: a new folder (new id, new key) holding a copy of everything
 * in it that is not in its trash, down the tree, each made like a single
 * copy. Chat rooms are not copied: a conversation belongs to its people.
 */
async function copyFolder(entry: FolderEntry, name: string, into: DriveFolderActions, ctx: CopyContext): Promise<void> {
  const copy = await into.create('folder', name);
  const { source, target } = acquirePair(entry, copy, ctx, into.folderId);
  try {
    await Promise.all([folderReady(source.open), folderReady(target.open)]);
    const inside = new DriveFolderActions(copy.id, target.open, { key: copy.key, epoch: copy.epoch }, ctx.account);
    const children = listFolderEntries(source.open.session.doc).filter((e) => !e.trashedAt && e.kind !== 'chat');
    // Same names as the original inside: the copy is of the whole folder, not of each item.
    for (const child of children) await copyEntry(child, inside, ctx, child.title);
    target.open.session.flush();
  } finally {
    source.release();
    target.release();
  }
}

/** Writes a document's whole state into a new, empty document (its copy), under the copy's own key. */
async function copyDocumentState(entry: FolderEntry, copy: FolderEntry, ctx: CopyContext, copyParentId: string): Promise<void> {
  const { source, target } = acquirePair(entry, copy, ctx, copyParentId);
  try {
    await Promise.all([folderReady(source.open), folderReady(target.open)]);
    const doc = target.open.session.doc;
    doc.transact(() => {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(source.open.session.doc));
      setTextDocTitle(doc, copy.title);
      forgetAttachedRoom(doc); // the original's chat stays the original's
    });
    target.open.session.flush();
  } finally {
    source.release();
    target.release();
  }
}

/** The original, read (its writer checks what is read), and the copy, written with its own write key (ADR 0016). */
function acquirePair(entry: FolderEntry, copy: FolderEntry, ctx: CopyContext, copyParentId: string) {
  const source = acquireFolder(ctx.account, ctx.collabUrl, { id: entry.id, key: entry.key, epoch: entry.epoch, canWrite: false, writer: entry.writer });
  const target = acquireFolder(ctx.account, ctx.collabUrl, childFolderRef(copy, copyParentId, false));
  return { source, target };
}

/** "Report.pdf" → "Report (copy).pdf"; documents have no extension. */
function copyName(title: string): string {
  const dot = title.lastIndexOf('.');
  return dot > 0 ? `${title.slice(0, dot)} (copy)${title.slice(dot)}` : `${title} (copy)`;
}
