import { CryptoError } from './CryptoError.ts';
import { getSodium } from './getSodium.ts';

/**
 * Strict unpadded base64url: no padding, whitespace, other alphabets or
 * non-zero trailing bits, so every byte string has exactly one encoding.
 * @throws CryptoError('MALFORMED')
 */
export function fromBase64Url(text: string): Uint8Array {
  const sodium = getSodium();
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw new CryptoError('MALFORMED', 'base64url');
  }
  let bytes: Uint8Array;
  try {
    bytes = sodium.from_base64(text, sodium.base64_variants.URLSAFE_NO_PADDING);
  } catch {
    throw new CryptoError('MALFORMED', 'base64url');
  }
  if (sodium.to_base64(bytes, sodium.base64_variants.URLSAFE_NO_PADDING) !== text) {
    throw new CryptoError('MALFORMED', 'base64url not canonical');
  }
  return bytes;
}
