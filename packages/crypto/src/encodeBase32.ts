import { BASE32_ALPHABET } from './base32Alphabet.ts';
import { CryptoError } from './CryptoError.ts';

/** Crockford base32 of a whole number of 5-byte groups (no padding needed). */
export function encodeBase32(bytes: Uint8Array): string {
  if (bytes.length % 5 !== 0) throw new CryptoError('MALFORMED', 'base32 length');
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET[(buffer >> bits) & 31];
    }
  }
  return out;
}
