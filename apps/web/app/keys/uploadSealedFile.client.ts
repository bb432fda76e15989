import { generateSymmetricKey, randomBytes, toBase64Url } from '@coffre/crypto';
import { FileUpload } from './FileUpload.client.ts';

/**
 * Seals a blob under a fresh key and uploads it as a file of `parentId` (a
 * document or a room), so the server checks reads against that item's
 * members. Resolves to where it is and the key that opens it (which the
 * caller keeps inside its encrypted document), or to why it failed; a failed
 * upload is cancelled, leaving nothing half-uploaded.
 */
export async function uploadSealedFile(
  file: Blob,
  parentId: string,
  onProgress?: (fraction: number) => void,
  /** A guest of an edit link uploads through the link (ADR 0013). */
  via?: { linkId: string; proof: string },
): Promise<{ ok: true; fileId: string; key: string; chunkCount: number } | { ok: false; message: string }> {
  const key = generateSymmetricKey();
  const fileId = toBase64Url(randomBytes(16));
  const upload = new FileUpload(file, { fileId, parentId, version: 1, key, ...(via && { via }) });
  let failure: string | null = null;
  const off = upload.onChange(() => {
    onProgress?.(upload.totalBytes ? upload.sentBytes / upload.totalBytes : 0);
    // A failed upload waits for a resume that no one here will give: give up and free the space.
    if (upload.state === 'failed' && failure === null) {
      failure = upload.error ?? 'The upload failed.';
      void upload.cancel();
    }
  });
  try {
    if (!(await upload.run())) return { ok: false, message: failure ?? 'The upload was cancelled.' };
  } finally {
    off();
  }
  return { ok: true, fileId, key: toBase64Url(key), chunkCount: upload.chunkCount };
}
