import * as Y from 'yjs';
import { asSymmetricKey, fromBase64Url } from '@coffre/crypto';
import { setTextDocTitle, uniqueName, type FolderEntry } from '@coffre/docs';
import { downloadFile } from '../../keys/downloadFile.client.ts';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import type { DriveFolderActions } from './DriveFolderActions.client.ts';
import { acquireFolder, folderReady } from './folderSessions.client.ts';

/**
 * "Make a copy" in the same folder. The copy is a new item with a new id and
 * a new key (never the original's ciphertext under a shared key): a file is
 * decrypted and uploaded again; a document's whole state is written into a
 * new document, sealed by this browser.
 * @returns a promise that settles when the copy is filed (uploads show on the transfer panel via `onUpload`)
 */
export async function copyEntry(
  entry: FolderEntry,
  into: DriveFolderActions,
  ctx: { account: UnlockedAccount; collabUrl: string; onUpload?(u: ReturnType<DriveFolderActions['startUpload']>['upload'], name: string): void },
): Promise<void> {
  const name = uniqueName(into.names(), copyName(entry.title));
  if (entry.kind === 'file') {
    const v = entry.versions.reduce((a, b) => (b.version > a.version ? b : a));
    const blob = await downloadFile({ fileId: entry.id, version: v.version, chunkCount: v.chunkCount, key: asSymmetricKey(fromBase64Url(entry.key)), mime: entry.mime });
    const { upload, finished } = into.startUpload(new File([blob], name, { type: entry.mime }), { name });
    ctx.onUpload?.(upload, name);
    await finished;
    return;
  }
  if (entry.kind !== 'doc' && entry.kind !== 'sheet') throw new Error('only files, documents and spreadsheets can be copied');
  const copy = await into.create(entry.kind, name);
  const source = acquireFolder(ctx.account, ctx.collabUrl, { id: entry.id, key: entry.key, epoch: entry.epoch, canWrite: false });
  const target = acquireFolder(ctx.account, ctx.collabUrl, { id: copy.id, key: copy.key, epoch: copy.epoch, canWrite: true });
  try {
    await Promise.all([folderReady(source.open), folderReady(target.open)]);
    const doc = target.open.session.doc;
    doc.transact(() => {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(source.open.session.doc));
      setTextDocTitle(doc, copy.title);
    });
    target.open.session.flush();
  } finally {
    source.release();
    target.release();
  }
}

/** "Report.pdf" → "Report (copy).pdf"; documents have no extension. */
function copyName(title: string): string {
  const dot = title.lastIndexOf('.');
  return dot > 0 ? `${title.slice(0, dot)} (copy)${title.slice(dot)}` : `${title} (copy)`;
}
