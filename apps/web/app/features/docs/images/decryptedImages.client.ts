import { asSymmetricKey, fromBase64Url } from '@coffre/crypto';
import { downloadFile } from '../../../keys/downloadFile.client.ts';
import type { EncryptedImageAttrs } from '../io/EncryptedImageAttrs.ts';

/** Long enough that undo, a re-render or moving a node does not decrypt the image again. */
const REVOKE_AFTER_MS = 30_000;

type Entry = { blob: Promise<Blob>; url: string | null; users: number; timer: ReturnType<typeof setTimeout> | null };

/**
 * Decrypted images of this tab, each fetched and opened once however many
 * nodes, previews and exports show it. Keyed by everything the node says
 * about the file, so a node with a wrong key cannot borrow another's bytes.
 * Object URLs are revoked a while after the last user lets go.
 */
class DecryptedImages {
  private readonly entries = new Map<string, Entry>();

  /**
   * An object URL for the image (rejects with FileIntegrityError or
   * ApiRequestError), and `release` to call once when it is no longer shown.
   */
  acquire(attrs: EncryptedImageAttrs): { url: Promise<string>; release(): void } {
    const id = cacheKey(attrs);
    const entry = this.entry(attrs);
    entry.users++;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    let released = false;
    return {
      url: entry.blob.then((blob) => {
        entry.url ??= URL.createObjectURL(blob);
        // Forgotten while still decrypting: nobody holds this URL.
        if (this.entries.get(id) !== entry && entry.users === 0) URL.revokeObjectURL(entry.url);
        return entry.url;
      }),
      release: () => {
        if (released) return;
        released = true;
        entry.users--;
        this.forgetLater(id, entry);
      },
    };
  }

  /** The decrypted bytes, for exports. @throws FileIntegrityError, ApiRequestError */
  async bytes(attrs: EncryptedImageAttrs): Promise<Uint8Array> {
    const entry = this.entry(attrs);
    try {
      return new Uint8Array(await (await entry.blob).arrayBuffer());
    } finally {
      this.forgetLater(cacheKey(attrs), entry);
    }
  }

  private entry(attrs: EncryptedImageAttrs): Entry {
    const id = cacheKey(attrs);
    let entry = this.entries.get(id);
    if (!entry) {
      const blob = downloadFile({ fileId: attrs.fileId, version: 1, chunkCount: attrs.chunkCount, key: asSymmetricKey(fromBase64Url(attrs.key)), mime: attrs.mime });
      const created: Entry = { blob, url: null, users: 0, timer: null };
      // A failure is not kept: the next view tries again.
      blob.catch(() => this.entries.get(id) === created && this.entries.delete(id));
      this.entries.set(id, (entry = created));
    }
    return entry;
  }

  private forgetLater(id: string, entry: Entry): void {
    if (entry.users > 0 || entry.timer) return;
    entry.timer = setTimeout(() => {
      if (entry.users > 0 || this.entries.get(id) !== entry) return;
      this.entries.delete(id);
      if (entry.url) URL.revokeObjectURL(entry.url);
    }, REVOKE_AFTER_MS);
  }
}

function cacheKey(a: EncryptedImageAttrs): string {
  return `${a.fileId}:${a.key}:${a.chunkCount}:${a.mime}`;
}

export const decryptedImages = new DecryptedImages();
