import { uploadSealedFile } from '../../../keys/uploadSealedFile.client.ts';
import type { EncryptedImageAttrs } from '../io/EncryptedImageAttrs.ts';
import type { ImageMime } from '../io/imageLimits.ts';

/**
 * Uploads an image as a sealed file of the document. Resolves to the node's
 * attributes, which carry the key inside the encrypted document, or to the
 * reason it failed.
 */
export async function uploadImage(
  file: Blob & { name?: string },
  target: { docId: string; mime: ImageMime },
  onProgress?: (fraction: number) => void,
): Promise<{ ok: true; attrs: EncryptedImageAttrs } | { ok: false; message: string }> {
  const up = await uploadSealedFile(file, target.docId, onProgress);
  if (!up.ok) return up;
  return { ok: true, attrs: { fileId: up.fileId, key: up.key, chunkCount: up.chunkCount, mime: target.mime, alt: (file.name ?? '').slice(0, 1000), width: null } };
}
