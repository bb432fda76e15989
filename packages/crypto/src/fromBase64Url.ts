import { assertInitialised } from './assertInitialised.ts';
import { CryptoError } from './CryptoError.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Character code (low byte) → 6-bit value; 0xff outside the alphabet. */
const VALUE = new Uint8Array(256).fill(0xff);
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
  const tail = text.length % 4;
  const whole = text.length - tail;
  const out = new Uint8Array((whole / 4) * 3 + (tail === 0 ? 0 : tail - 1));
  // Checked once at the end: any character past ASCII, or outside the alphabet (0xff), sets a bit past 0x7f or 0x3f.
  let codes = 0;
  let values = 0;
  let o = 0;
  for (let i = 0; i < whole; i += 4) {
    const c0 = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    const c2 = text.charCodeAt(i + 2);
    const c3 = text.charCodeAt(i + 3);
    const a = VALUE[c0 & 0xff]!;
    const b = VALUE[c1 & 0xff]!;
    const c = VALUE[c2 & 0xff]!;
    const d = VALUE[c3 & 0xff]!;
    codes |= c0 | c1 | c2 | c3;
    values |= a | b | c | d;
    const bits = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = bits >>> 16;
    out[o++] = (bits >>> 8) & 0xff;
    out[o++] = bits & 0xff;
  }
  if (tail > 0) {
    const c0 = text.charCodeAt(whole);
    const c1 = text.charCodeAt(whole + 1);
    const c2 = tail === 3 ? text.charCodeAt(whole + 2) : 0x41; // 'A': no bits
    const a = VALUE[c0 & 0xff]!;
    const b = VALUE[c1 & 0xff]!;
    const c = VALUE[c2 & 0xff]!;
    codes |= c0 | c1 | c2;
    values |= a | b | c;
    // The bits past the last whole byte must be zero: otherwise two strings would decode to the same bytes.
    if (tail === 2 ? (b & 0x0f) !== 0 : (c & 0x03) !== 0) throw new CryptoError('MALFORMED', 'base64url not canonical');
    out[o++] = (a << 2) | (b >>> 4);
    if (tail === 3) out[o++] = ((b & 0x0f) << 4) | (c >>> 2);
  }
  if (codes > 0x7f || values > 0x3f) throw new CryptoError('MALFORMED', 'base64url');
  return out;
}
