import type { AadFields } from './aadFormat.ts';
import { aeadCommitment } from './aeadCommitment.ts';
import { AEAD_LAYOUT } from './aeadLayout.ts';
import { concatBytes } from './concatBytes.ts';
import type { Domain } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { encodeAad } from './encodeAad.ts';
import { getSodium } from './getSodium.ts';
import { KEY_BYTES, type SymmetricKey } from './types.ts';

/** sealAead with a caller-chosen nonce. Internal seam for fixed vectors; never export. */
export function sealAeadWithNonce(
  key: SymmetricKey,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  domain: Domain,
  fields: AadFields,
): Uint8Array {
  const sodium = getSodium();
  if (key.length !== KEY_BYTES.symmetric) throw new CryptoError('MALFORMED', 'aead key');
  if (nonce.length !== AEAD_LAYOUT.nonceBytes) throw new CryptoError('MALFORMED', 'aead nonce');
  const header = concatBytes(Uint8Array.of(AEAD_LAYOUT.version), nonce, aeadCommitment(key, nonce));
  const ad = concatBytes(header, encodeAad(domain, fields));
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, null, nonce, key);
  return concatBytes(header, ciphertext);
}
