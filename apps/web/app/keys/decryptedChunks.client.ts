import { constantTimeEqual, createFileDigest, CryptoError, decryptChunk, fromBase64Url } from '@coffre/crypto';
import type { DownloadSource } from './downloadFile.client.ts';
import { fetchSealedChunk } from './fetchSealedChunk.client.ts';
import { FileIntegrityError } from './FileIntegrityError.ts';

/**
 * The plaintext of one file version, chunk by chunk, in order, fetched only
 * as the consumer asks for it. Each chunk is authenticated at its position
 * (file id, version, index, final flag); the plaintext is hashed on the way
 * and the final chunk is handed out only once the whole-file digest matches
 * the version record's, so a consumer that stops at the first error has
 * never received a file that differs from what was uploaded. A version
 * without a digest (uploaded before digests were kept) rests on the chunks'
 * AEAD and the signed chunk count alone (ADR 0015).
 * @throws FileIntegrityError, ApiRequestError; the abort error when `signal` fired
 */
export async function* decryptedChunks(src: DownloadSource, opts: { onProgress?: (doneChunks: number) => void; signal?: AbortSignal } = {}): AsyncGenerator<Uint8Array, void, undefined> {
  const expected = src.digest === undefined ? null : fromBase64Url(src.digest);
  const hash = expected ? createFileDigest() : null;
  for (let index = 0; index < src.chunkCount; index++) {
    const isFinal = index === src.chunkCount - 1;
    const sealed = await fetchSealedChunk({ fileId: src.fileId, version: src.version, index, via: src.via }, opts.signal);
    let plain: Uint8Array;
    try {
      plain = decryptChunk(src.key, { fileId: src.fileId, version: src.version, index, isFinal }, sealed);
    } catch (e) {
      if (e instanceof CryptoError) throw new FileIntegrityError(index);
      throw e;
    }
    hash?.update(plain);
    if (isFinal && expected && hash && !constantTimeEqual(hash.digest(), expected)) throw new FileIntegrityError(index, 'digest');
    opts.onProgress?.(index + 1);
    yield plain;
  }
}
