import { addFileVersion, addFolderEntry, cleanEntryName, getFolderEntry, listFolderEntries, uniqueName, updateFolderEntry } from '@coffre/docs';
import type * as Y from 'yjs';

export type UploadedFile = {
  fileId: string;
  version: number;
  fileKey: string;
  name: string;
  mime: string;
  size: number;
  sealedSize: number;
  chunkCount: number;
  uploadedBy: string;
  /** The plaintext digest the upload computed (`FileUpload.digest`). */
  digest: string;
  /** Base64 JPEG (`makeThumbnail`); kept only when the upload makes a new entry. */
  thumbnail?: string | null;
};

/**
 * Files a finished upload in its folder: a new entry, or a new version of
 * the file it replaces (if that file is still there; else a new entry).
 */
export function recordUploadedFile(doc: Y.Doc, f: UploadedFile): void {
  const now = Date.now();
  const info = { version: f.version, size: f.size, sealedSize: f.sealedSize, chunkCount: f.chunkCount, created: now, uploadedBy: f.uploadedBy, digest: f.digest };
  const mime = f.mime || 'application/octet-stream';
  const existing = getFolderEntry(doc, f.fileId);
  if (existing?.kind === 'file') {
    if (existing.versions.some((v) => v.version === f.version)) return;
    // A new version keeps its own key in its record; the entry's key stays that of the first version.
    const own = f.fileKey === existing.key ? {} : { key: f.fileKey };
    // The thumbnail stays that of the first version: the folder model cannot patch it (see thumbnailSrc).
    doc.transact(() => {
      addFileVersion(doc, f.fileId, { ...info, ...own });
      updateFolderEntry(doc, f.fileId, { mime });
    });
    return;
  }
  const names = new Set(listFolderEntries(doc).filter((e) => !e.trashedAt).map((e) => e.title));
  addFolderEntry(doc, { id: f.fileId, kind: 'file', title: uniqueName(names, cleanEntryName(f.name)), key: f.fileKey, epoch: 1, created: now, modified: now, mime, size: f.size, versions: [info], ...(f.thumbnail && { thumbnail: f.thumbnail }) });
}
