import type { SymmetricKey } from '@coffre/crypto';
import { decryptedChunks } from './decryptedChunks.client.ts';

export type DownloadSource = {
  fileId: string;
  version: number;
  /** From the signed folder entry, never from the server: a dropped last chunk is noticed. */
  chunkCount: number;
  key: SymmetricKey;
  mime: string;
  /** The version's plaintext digest (base64url) from its signed record; absent for versions uploaded before digests were kept. */
  digest?: string;
  /** Fetch through a share link instead of a signed-in session. */
  via?: { linkId: string; proof: string };
};

let pageVia: DownloadSource['via'] | undefined;

/** On a share-link page there is no session: every download (images in a linked document too) goes through the link. */
export function downloadThroughLink(via: DownloadSource['via'] | undefined): void {
  pageVia = via;
}

/** The plaintext of `src`, verified as in `decryptedChunks`, through the page's share link if there is one. */
export function fileChunks(src: DownloadSource, opts: { onProgress?: (doneChunks: number) => void; signal?: AbortSignal } = {}): AsyncGenerator<Uint8Array, void, undefined> {
  return decryptedChunks({ ...src, via: src.via ?? pageVia }, opts);
}

/**
 * The whole file as a Blob, for what is small or needed in the page
 * (previews, images, copies). Saving to disk goes through `saveDownload`,
 * which streams. Any integrity failure throws and the partial result is
 * thrown away.
 * @throws FileIntegrityError, ApiRequestError
 */
export async function downloadFile(src: DownloadSource, opts: { onProgress?: (doneChunks: number) => void; signal?: AbortSignal } = {}): Promise<Blob> {
  const parts: Blob[] = [];
  // Blob parts let the browser page large files out of the JS heap.
  for await (const plain of fileChunks(src, opts)) parts.push(new Blob([plain as Uint8Array<ArrayBuffer>]));
  return new Blob(parts, { type: src.mime || 'application/octet-stream' });
}

/** Hands a finished download to the browser under a name that cannot name a path. */
export function saveBlob(blob: Blob, safeName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = safeName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
