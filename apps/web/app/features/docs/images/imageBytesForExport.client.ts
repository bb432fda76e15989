import type { ImageBytesResolver } from '../io/collectImageBytes.ts';
import { inspectImage } from '../io/inspectImage.ts';
import { decryptedImages } from './decryptedImages.client.ts';

/**
 * Decrypted image bytes for an export, in this tab. Word cannot show WebP,
 * so for .docx those are redrawn as PNG here rather than left out.
 */
export function imageBytesForExport(format: 'html' | 'docx'): ImageBytesResolver {
  return async (attrs) => {
    const bytes = await decryptedImages.bytes(attrs);
    if (format === 'docx' && inspectImage(bytes)?.mime === 'image/webp') return webpAsPng(bytes);
    return bytes;
  };
}

async function webpAsPng(bytes: Uint8Array): Promise<Uint8Array> {
  const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: 'image/webp' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  bitmap.close();
  return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
}
