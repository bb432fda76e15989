import { concatBytes } from './concatBytes.ts';
import type { Domain } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { encodeAad } from './encodeAad.ts';
import { getSodium } from './getSodium.ts';
import { KEY_BYTES, type SigningPublicKey } from './types.ts';

const SIGNATURE_BYTES = 64;

/**
 * Checks a signDetached signature. Returns nothing: a bad signature throws,
 * so no caller can forget to look at a boolean.
 * @throws CryptoError('SIGNATURE_INVALID')
 */
export function verifyDetached(publicKey: SigningPublicKey, domain: Domain, message: Uint8Array, signature: Uint8Array): void {
  const sodium = getSodium();
  if (publicKey.length !== KEY_BYTES.signingPublic || signature.length !== SIGNATURE_BYTES) {
    throw new CryptoError('SIGNATURE_INVALID');
  }
  let valid = false;
  try {
    valid = sodium.crypto_sign_verify_detached(signature, concatBytes(encodeAad(domain, {}), message), publicKey);
  } catch {
    valid = false;
  }
  if (valid !== true) throw new CryptoError('SIGNATURE_INVALID');
}
