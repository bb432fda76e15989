import { blake2b256 } from './blake2b256.ts';
import { KDF_CONTEXTS, SUBKEY_IDS } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { deriveSubkey } from './deriveSubkey.ts';
import { fromBase64Url } from './fromBase64Url.ts';
import type { SymmetricKey } from './types.ts';

// OPAQUE (ristretto255-SHA512) export keys are 64 bytes; refuse anything short.
const MIN_EXPORT_KEY_BYTES = 32;

/**
 * Key-encryption key for the master key, from OPAQUE's export key:
 * crypto_kdf(BLAKE2b-256(exportKey), 1, "acctkek_").
 * @throws CryptoError('MALFORMED')
 */
export function deriveKekFromExportKey(exportKeyBase64Url: string): SymmetricKey {
  const exportKey = fromBase64Url(exportKeyBase64Url);
  if (exportKey.length < MIN_EXPORT_KEY_BYTES) throw new CryptoError('MALFORMED', 'export key');
  return deriveSubkey(blake2b256(exportKey) as SymmetricKey, SUBKEY_IDS.accountKek, KDF_CONTEXTS.accountKek);
}
