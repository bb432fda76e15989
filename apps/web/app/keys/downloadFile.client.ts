import { CryptoError, decryptChunk, type SymmetricKey } from '@coffre/crypto';
import { ApiRequestError } from '../api/apiFetch.ts';
import { FileIntegrityError } from './FileIntegrityError.ts';

export type DownloadSource = {
  fileId: string;
  version: number;
  /** From the signed folder entry, never from the server: a dropped last chunk is noticed. */
  chunkCount: number;
  key: SymmetricKey;
  mime: string;
  /** Fetch through a share link instead of a signed-in session. */
  via?: { linkId: string; proof: string };
};

let pageVia: DownloadSource['via'] | undefined;

/** On a share-link page there is no session: every download (images in a linked document too) goes through the link. */
export function downloadThroughLink(via: DownloadSource['via'] | undefined): void {
  pageVia = via;
}

/**
 * Fetches and opens every chunk in order. Each chunk is authenticated at its
 * position (file id, version, index, final flag), so any change fails here and
 * the partial result is thrown away.
 * @throws FileIntegrityError, ApiRequestError
 */
export async function downloadFile(src: DownloadSource, opts: { onProgress?: (doneChunks: number) => void; signal?: AbortSignal } = {}): Promise<Blob> {
  const parts: Blob[] = [];
  for (let index = 0; index < src.chunkCount; index++) {
    let res: Response;
    try {
      const path = `files/${src.fileId}/versions/${src.version}/chunks/${index}`;
      const via = src.via ?? pageVia;
      res = via
        ? await fetch(`/api/links/${via.linkId}/${path}`, { headers: { 'x-coffre-link-proof': via.proof }, cache: 'no-store', signal: opts.signal })
        : await fetch(`/api/${path}`, { credentials: 'same-origin', cache: 'no-store', signal: opts.signal });
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      throw new ApiRequestError(0, 'NETWORK', 'Cannot reach the Coffre server. Check your connection and try again.');
    }
    if (!res.ok) throw new ApiRequestError(res.status, `HTTP_${res.status}`, res.status === 404 ? 'This file is no longer on the server, or you lost access to it.' : `The server answered ${res.status}.`);
    const sealed = new Uint8Array(await res.arrayBuffer());
    try {
      // Blob parts let the browser page large files out of the JS heap.
      parts.push(new Blob([decryptChunk(src.key, { fileId: src.fileId, version: src.version, index, isFinal: index === src.chunkCount - 1 }, sealed) as Uint8Array<ArrayBuffer>]));
    } catch (e) {
      if (e instanceof CryptoError) throw new FileIntegrityError(index);
      throw e;
    }
    opts.onProgress?.(index + 1);
  }
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
