import type { AadFields } from './aadFormat.ts';
import { AEAD_LAYOUT } from './aeadLayout.ts';
import type { Domain } from './contexts.ts';
import { randomBytes } from './randomBytes.ts';
import { sealAeadWithNonce } from './sealAeadWithNonce.ts';
import type { SymmetricKey } from './types.ts';

/**
 * XChaCha20-Poly1305-IETF with a random nonce and a key-commitment tag.
 * Output: version(1)=1 ‖ nonce(24) ‖ commitment(32) ‖ ciphertext ‖ tag(16).
 * Associated data: the 57-byte header ‖ encodeAad(domain, fields), so the
 * ciphertext only opens in the same context.
 * @throws CryptoError('MALFORMED') for a bad key or AAD field
 */
export function sealAead(key: SymmetricKey, plaintext: Uint8Array, domain: Domain, fields: AadFields): Uint8Array {
  return sealAeadWithNonce(key, randomBytes(AEAD_LAYOUT.nonceBytes), plaintext, domain, fields);
}
