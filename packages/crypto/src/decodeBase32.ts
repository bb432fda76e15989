import { BASE32_ALPHABET } from './base32Alphabet.ts';
import { CryptoError } from './CryptoError.ts';

/** Inverse of encodeBase32 for canonical upper-case input whose length is a multiple of 8. */
export function decodeBase32(text: string): Uint8Array {
  if (text.length % 8 !== 0) throw new CryptoError('MALFORMED', 'base32 length');
  const out = new Uint8Array((text.length / 8) * 5);
  let buffer = 0;
  let bits = 0;
  let offset = 0;
  for (const char of text) {
    const value = BASE32_ALPHABET.indexOf(char);
    if (value < 0) throw new CryptoError('MALFORMED', 'base32 character');
    buffer = ((buffer << 5) | value) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[offset++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}
