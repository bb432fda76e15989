import { asSymmetricKey, fromBase64Url, generateSymmetricKey, randomBytes, toBase64Url } from '@coffre/crypto';
import { getFolderEntry, type FolderEntry } from '@coffre/docs';
import { FileUpload } from '../../keys/FileUpload.client.ts';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { makeThumbnail } from './makeThumbnail.client.ts';
import { recordUploadedFile } from './recordUploadedFile.ts';

/** What an upload into a folder will be: a new file, or the next version of the one it replaces, each with a fresh key. */
export type PlannedUpload = { fileId: string; version: number; fileKey: string; replacing: boolean };

export type StartedUpload = { upload: FileUpload; finished: Promise<boolean> };

/**
 * A folder an upload can go into: one a member has open, or one the guest
 * of a folder's edit link has open (`guestUploadFolder`).
 */
export interface UploadFolder {
  readonly folderId: string;
  /** Its entries now, for name clashes. */
  entries(): FolderEntry[];
  startUpload(file: File, opts?: { replaceId?: string; name?: string }): StartedUpload;
  /** Its sub-folder of that name (made when missing), open to upload into until `release`. */
  subfolder(name: string): Promise<{ folder: UploadFolder; release(): void }>;
}

/**
 * Uploads `file` into the open folder `open` (id `folderId`): the entry
 * appears only once every chunk is on the server; `replaceId` adds a new
 * version to that file instead. `started` runs as the upload starts and is
 * awaited before it is filed; `settled` runs once it is filed or cancelled.
 */
export function uploadIntoFolder(
  open: OpenDoc,
  folderId: string,
  file: File,
  opts: {
    replaceId?: string;
    name?: string;
    uploadedBy: string;
    via?: { linkId: string; proof: string };
    started?(plan: PlannedUpload): Promise<unknown>;
    settled?(plan: PlannedUpload): Promise<unknown>;
  },
): StartedUpload {
  const doc = open.session.doc;
  const existing = opts.replaceId ? getFolderEntry(doc, opts.replaceId) : null;
  const replacing = existing?.kind === 'file' ? existing : null;
  // Every version gets a fresh key (kept in its version record): someone who knew this file's keys and lost access cannot read what comes next.
  const plan: PlannedUpload = {
    fileId: replacing?.id ?? toBase64Url(randomBytes(16)),
    version: replacing ? Math.max(...replacing.versions.map((v) => v.version)) + 1 : 1,
    fileKey: toBase64Url(generateSymmetricKey()),
    replacing: !!replacing,
  };
  const upload = new FileUpload(file, { fileId: plan.fileId, parentId: folderId, version: plan.version, key: asSymmetricKey(fromBase64Url(plan.fileKey)), via: opts.via });
  // Made while the chunks go up; a new version keeps the entry's first thumbnail (recordUploadedFile).
  const thumbnail = replacing ? null : makeThumbnail(file);
  const started = opts.started?.(plan) ?? Promise.resolve();
  const finished = upload.run().then(async (ok) => {
    await started;
    if (ok) {
      const name = opts.name ?? file.name;
      recordUploadedFile(doc, { fileId: plan.fileId, version: plan.version, fileKey: plan.fileKey, name, mime: file.type, size: file.size, sealedSize: upload.sealedSize, chunkCount: upload.chunkCount, uploadedBy: opts.uploadedBy, digest: upload.digest!, thumbnail: await thumbnail });
      open.session.flush();
    }
    if (ok || upload.state === 'cancelled') await opts.settled?.(plan);
    return ok;
  });
  return { upload, finished };
}
