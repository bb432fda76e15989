import { concatBytes } from './concatBytes.ts';
import type { Domain } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { encodeAad } from './encodeAad.ts';
import { getSodium } from './getSodium.ts';
import { KEY_BYTES, type SigningSecretKey } from './types.ts';

/**
 * Ed25519 over encodeAad(domain, {}) ‖ message. The prefix is self-delimiting,
 * so a signature made for one domain never verifies for another.
 * @throws CryptoError('MALFORMED') for a wrong-length key
 */
export function signDetached(secretKey: SigningSecretKey, domain: Domain, message: Uint8Array): Uint8Array {
  const sodium = getSodium();
  if (secretKey.length !== KEY_BYTES.signingSecret) throw new CryptoError('MALFORMED', 'signing key');
  return sodium.crypto_sign_detached(concatBytes(encodeAad(domain, {}), message), secretKey);
}
