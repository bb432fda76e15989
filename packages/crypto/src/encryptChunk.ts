import { assertInitialised } from './assertInitialised.ts';
import { DOMAINS } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { fileChunkFields, type FileChunkPosition } from './fileChunkFields.ts';
import { FILE_CHUNK_SIZE } from './limits.ts';
import { sealAead } from './sealAead.ts';
import type { SymmetricKey } from './types.ts';

/**
 * Seals one chunk of a file version with sealAead, domain
 * coffre/file-chunk/v1, AAD {fileId, version, index, isFinal}.
 * @throws CryptoError('MALFORMED') for a chunk over FILE_CHUNK_SIZE
 */
export function encryptChunk(fileKey: SymmetricKey, position: FileChunkPosition, plaintext: Uint8Array): Uint8Array {
  assertInitialised();
  if (plaintext.length > FILE_CHUNK_SIZE) throw new CryptoError('MALFORMED', 'chunk too large');
  return sealAead(fileKey, plaintext, DOMAINS.fileChunk, fileChunkFields(position));
}
