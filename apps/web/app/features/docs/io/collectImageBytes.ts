import type { JSONContent } from '@tiptap/core';
import { EncryptedImageAttrs } from './EncryptedImageAttrs.ts';

/** Fetches and decrypts one image's bytes; null (or a throw) when it cannot. */
export type ImageBytesResolver = (attrs: EncryptedImageAttrs) => Promise<Uint8Array | null>;

/**
 * The bytes of every image in `doc`, by file id, for the exporters (which stay
 * synchronous and pure). An image that cannot be had is left out, and the
 * exporters write a marker in its place instead of failing the whole export.
 */
export async function collectImageBytes(doc: JSONContent, resolve: ImageBytesResolver): Promise<Map<string, Uint8Array>> {
  const wanted = new Map<string, EncryptedImageAttrs>();
  const walk = (node: JSONContent) => {
    if (node.type === 'encryptedImage') {
      const attrs = EncryptedImageAttrs.safeParse(node.attrs);
      if (attrs.success) wanted.set(attrs.data.fileId, attrs.data);
    }
    node.content?.forEach(walk);
  };
  walk(doc);
  const out = new Map<string, Uint8Array>();
  // One at a time: each image is decrypted whole in memory.
  for (const [fileId, attrs] of wanted) {
    const bytes = await resolve(attrs).catch(() => null);
    if (bytes) out.set(fileId, bytes);
  }
  return out;
}
