import type { AadFields } from './aadFormat.ts';
import { aeadCommitment } from './aeadCommitment.ts';
import { AEAD_LAYOUT } from './aeadLayout.ts';
import { concatBytes } from './concatBytes.ts';
import { constantTimeEqual } from './constantTimeEqual.ts';
import type { Domain } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { encodeAad } from './encodeAad.ts';
import { getSodium } from './getSodium.ts';
import { KEY_BYTES, type SymmetricKey } from './types.ts';

/**
 * Opens a sealAead output made with the same key, domain and fields.
 * @throws CryptoError('MALFORMED') too short or bad key/fields;
 *   'UNSUPPORTED_VERSION' unknown version byte;
 *   'COMMITMENT_MISMATCH' made with another key (checked before decrypting);
 *   'DECRYPT_FAILED' tag does not verify (tampered, or other context)
 */
export function openAead(key: SymmetricKey, sealed: Uint8Array, domain: Domain, fields: AadFields): Uint8Array {
  const sodium = getSodium();
  if (key.length !== KEY_BYTES.symmetric) throw new CryptoError('MALFORMED', 'aead key');
  if (sealed.length < AEAD_LAYOUT.versionBytes) throw new CryptoError('MALFORMED', 'aead too short');
  if (sealed[0] !== AEAD_LAYOUT.version) throw new CryptoError('UNSUPPORTED_VERSION', 'aead');
  if (sealed.length < AEAD_LAYOUT.overheadBytes) throw new CryptoError('MALFORMED', 'aead too short');
  const nonce = sealed.subarray(AEAD_LAYOUT.versionBytes, AEAD_LAYOUT.versionBytes + AEAD_LAYOUT.nonceBytes);
  const commitment = sealed.subarray(AEAD_LAYOUT.versionBytes + AEAD_LAYOUT.nonceBytes, AEAD_LAYOUT.headerBytes);
  if (!constantTimeEqual(commitment, aeadCommitment(key, nonce))) throw new CryptoError('COMMITMENT_MISMATCH');
  const ad = concatBytes(sealed.subarray(0, AEAD_LAYOUT.headerBytes), encodeAad(domain, fields));
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, sealed.subarray(AEAD_LAYOUT.headerBytes), ad, nonce, key);
  } catch {
    throw new CryptoError('DECRYPT_FAILED');
  }
}
