import { assertInitialised } from './assertInitialised.ts';
import { CryptoError } from './CryptoError.ts';
import { decryptChunk } from './decryptChunk.ts';
import type { FileChunkPosition } from './fileChunkFields.ts';
import type { SymmetricKey } from './types.ts';

/**
 * Decrypts a file version's chunks in order; `chunkCount` comes from the
 * signed, encrypted folder entry. Chunk i must be sealed for index i, and
 * only chunk chunkCount-1 may (and must) be final.
 *
 * Plaintext is yielded chunk by chunk as each verifies, so a caller must not
 * treat the file as complete until the generator finishes without throwing.
 * @throws CryptoError — 'CHUNK_TRUNCATED' (stream ends early, or the last
 *   expected chunk is not final); 'CHUNK_EXTENDED' (a chunk beyond
 *   chunkCount, or a final chunk before the last index); the decryptChunk
 *   codes for anything else
 */
export async function* decryptChunks(
  fileKey: SymmetricKey,
  file: { fileId: string; version: number; chunkCount: number },
  chunks: AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array, void, undefined> {
  assertInitialised();
  const { fileId, version, chunkCount } = file;
  if (!Number.isSafeInteger(chunkCount) || chunkCount < 1) throw new CryptoError('MALFORMED', 'chunk count');
  let index = 0;
  for await (const sealed of chunks) {
    if (index >= chunkCount) throw new CryptoError('CHUNK_EXTENDED');
    const isFinal = index === chunkCount - 1;
    yield openAt(fileKey, { fileId, version, index, isFinal }, sealed);
    index += 1;
  }
  if (index < chunkCount) throw new CryptoError('CHUNK_TRUNCATED');
}

/** decryptChunk, turning a wrong final flag into the stream error it means. */
function openAt(fileKey: SymmetricKey, position: FileChunkPosition, sealed: Uint8Array): Uint8Array {
  try {
    return decryptChunk(fileKey, position, sealed);
  } catch (error) {
    if (!(error instanceof CryptoError) || error.code !== 'DECRYPT_FAILED') throw error;
    try {
      decryptChunk(fileKey, { ...position, isFinal: !position.isFinal }, sealed);
    } catch {
      throw error;
    }
    // Authentic at this index with the other flag: the stream ends elsewhere.
    throw new CryptoError(position.isFinal ? 'CHUNK_TRUNCATED' : 'CHUNK_EXTENDED');
  }
}
