import { blake2b256 } from './blake2b256.ts';
import { KDF_CONTEXTS, SUBKEY_IDS } from './contexts.ts';
import { deriveSubkey } from './deriveSubkey.ts';
import type { SymmetricKey } from './types.ts';

/**
 * Key-commitment tag: BLAKE2b-256 keyed by a `commit__` subkey of the data
 * key, over the nonce. XChaCha20-Poly1305 alone is not key-committing
 * ("invisible salamanders"); this makes one ciphertext open under one key only.
 */
export function aeadCommitment(key: SymmetricKey, nonce: Uint8Array): Uint8Array {
  return blake2b256(nonce, deriveSubkey(key, SUBKEY_IDS.commitment, KDF_CONTEXTS.commitment));
}
