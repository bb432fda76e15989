import { generateSymmetricKey, randomBytes, toBase64Url } from '@coffre/crypto';
import { FileUpload } from '../../../keys/FileUpload.client.ts';
import type { EncryptedImageAttrs } from '../io/EncryptedImageAttrs.ts';
import type { ImageMime } from '../io/imageLimits.ts';

/**
 * Seals an image under a fresh key and uploads it as a file of the document,
 * so the server checks reads against the document's members. Resolves to the
 * node's attributes, which carry the key inside the encrypted document, or to
 * the reason it failed (nothing is left half-uploaded on the server).
 */
export async function uploadImage(
  file: Blob & { name?: string },
  target: { docId: string; mime: ImageMime },
  onProgress?: (fraction: number) => void,
): Promise<{ ok: true; attrs: EncryptedImageAttrs } | { ok: false; message: string }> {
  const key = generateSymmetricKey();
  const fileId = toBase64Url(randomBytes(16));
  const upload = new FileUpload(file, { fileId, parentId: target.docId, version: 1, key });
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
  return { ok: true, attrs: { fileId, key: toBase64Url(key), chunkCount: upload.chunkCount, mime: target.mime, alt: (file.name ?? '').slice(0, 1000), width: null } };
}
