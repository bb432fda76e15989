import { KDF_CONTEXTS, SUBKEY_IDS } from './contexts.ts';
import { deriveSubkey } from './deriveSubkey.ts';
import type { SymmetricKey } from './types.ts';
import { wrapKey } from './wrapKey.ts';

/** The slot a child's write key belongs to: the child and its key epoch. */
export type WriteKeySlot = { itemId: string; epoch: number };

/**
 * Wraps a child's write key for its folder's entry, under a subkey of the
 * folder's own write key (`writewrp`): readers of the folder see the entry,
 * only its writers can open the child's write key (ADR 0016).
 * @throws CryptoError('MALFORMED')
 */
export function wrapWriteKey(folderWriteKey: SymmetricKey, childWriteKey: SymmetricKey, slot: WriteKeySlot): Uint8Array {
  const wrapping = deriveSubkey(folderWriteKey, SUBKEY_IDS.writeWrap, KDF_CONTEXTS.writeWrap);
  return wrapKey(wrapping, childWriteKey, 'write-key', { itemId: slot.itemId, epoch: slot.epoch });
}
