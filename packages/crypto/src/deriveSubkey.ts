import { CryptoError } from './CryptoError.ts';
import { KDF_CONTEXTS, type KdfContext } from './contexts.ts';
import { getSodium } from './getSodium.ts';
import { KEY_BYTES, type LinkSecret, type RecoveryKey, type SymmetricKey } from './types.ts';

const CONTEXTS: ReadonlySet<string> = new Set(Object.values(KDF_CONTEXTS));

/**
 * 32-byte subkey via crypto_kdf_derive_from_key (BLAKE2b keyed by `key`,
 * salted by the subkey id, personalised by the 8-byte context).
 * @throws CryptoError('MALFORMED') for a wrong key length, a subkey id outside
 * u32, or a context that is not registered in contexts.ts
 */
export function deriveSubkey(key: SymmetricKey | LinkSecret | RecoveryKey, subkeyId: number, kdfContext: KdfContext): SymmetricKey {
  const sodium = getSodium();
  if (!(key instanceof Uint8Array) || key.length !== KEY_BYTES.symmetric) throw new CryptoError('MALFORMED', 'kdf key');
  if (!Number.isSafeInteger(subkeyId) || subkeyId < 0 || subkeyId > 0xffff_ffff) throw new CryptoError('MALFORMED', 'subkey id');
  if (!CONTEXTS.has(kdfContext)) throw new CryptoError('MALFORMED', 'kdf context');
  // As a number the wrapper only takes 31-bit ids; a bigint covers the whole u32 range.
  return sodium.crypto_kdf_derive_from_key(KEY_BYTES.symmetric, BigInt(subkeyId), kdfContext, key) as SymmetricKey;
}
