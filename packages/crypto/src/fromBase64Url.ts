import { assertInitialised } from './assertInitialised.ts';
import { CryptoError } from './CryptoError.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Character code → 6-bit value, -1 outside the alphabet. */
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/**
 * Strict unpadded base64url: no padding, whitespace, other alphabets or
 * non-zero trailing bits, so every byte string has exactly one encoding.
 * Decoded here rather than by libsodium: a snapshot arrives as a few hundred
 * KiB of base64url, and copying it into WebAssembly and re-encoding it to
 * check the canonical form took several milliseconds of every cold open.
 * @throws CryptoError('MALFORMED')
 */
export function fromBase64Url(text: string): Uint8Array {
  assertInitialised();
  if (typeof text !== 'string' || text.length % 4 === 1) throw new CryptoError('MALFORMED', 'base64url');
  const value = (i: number): number => {
    const code = text.charCodeAt(i);
    return code < 128 ? VALUE[code]! : -1;
  };
  const tail = text.length % 4;
  const whole = text.length - tail;
  const out = new Uint8Array((whole / 4) * 3 + (tail === 0 ? 0 : tail - 1));
  let o = 0;
  for (let i = 0; i < whole; i += 4) {
    const a = value(i);
    const b = value(i + 1);
    const c = value(i + 2);
    const d = value(i + 3);
    if ((a | b | c | d) < 0) throw new CryptoError('MALFORMED', 'base64url');
    const bits = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = bits >>> 16;
    out[o++] = (bits >>> 8) & 0xff;
    out[o++] = bits & 0xff;
  }
  if (tail > 0) {
    const a = value(whole);
    const b = value(whole + 1);
    const c = tail === 3 ? value(whole + 2) : 0;
    if ((a | b | c) < 0) throw new CryptoError('MALFORMED', 'base64url');
    // The bits past the last whole byte must be zero: otherwise two strings would decode to the same bytes.
    if (tail === 2 ? (b & 0x0f) !== 0 : (c & 0x03) !== 0) throw new CryptoError('MALFORMED', 'base64url not canonical');
    out[o++] = (a << 2) | (b >>> 4);
    if (tail === 3) out[o++] = ((b & 0x0f) << 4) | (c >>> 2);
  }
  return out;
}
