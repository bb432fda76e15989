import { assertInitialised } from './assertInitialised.ts';
import { AEAD_LAYOUT } from './aeadLayout.ts';
import { DOMAINS } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { fileChunkFields, type FileChunkPosition } from './fileChunkFields.ts';
import { FILE_CHUNK_SIZE } from './limits.ts';
import { openAead } from './openAead.ts';
import type { SymmetricKey } from './types.ts';

/**
 * Opens one chunk sealed by encryptChunk at exactly this position.
 * @throws CryptoError — the openAead codes; 'MALFORMED' when larger than a
 *   full chunk could be
 */
export function decryptChunk(fileKey: SymmetricKey, position: FileChunkPosition, sealed: Uint8Array): Uint8Array {
  assertInitialised();
  if (sealed.length > FILE_CHUNK_SIZE + AEAD_LAYOUT.overheadBytes) throw new CryptoError('MALFORMED', 'chunk too large');
  return openAead(fileKey, sealed, DOMAINS.fileChunk, fileChunkFields(position));
}
