import { KDF_CONTEXTS, SUBKEY_IDS } from './contexts.ts';
import { deriveSubkey } from './deriveSubkey.ts';
import type { SymmetricKey } from './types.ts';
import { unwrapKey } from './unwrapKey.ts';
import type { WriteKeySlot } from './wrapWriteKey.ts';

/**
 * Inverse of wrapWriteKey for the same folder write key and slot.
 * @throws CryptoError — the openAead codes, or 'MALFORMED'
 */
export function unwrapWriteKey(folderWriteKey: SymmetricKey, wrapped: Uint8Array, slot: WriteKeySlot): SymmetricKey {
  const wrapping = deriveSubkey(folderWriteKey, SUBKEY_IDS.writeWrap, KDF_CONTEXTS.writeWrap);
  return unwrapKey(wrapping, wrapped, 'write-key', { itemId: slot.itemId, epoch: slot.epoch });
}
