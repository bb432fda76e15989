import { assertInitialised } from './assertInitialised.ts';
import { CryptoError } from './CryptoError.ts';

// getRandomValues refuses more than 65 536 bytes per call.
const MAX_BYTES_PER_CALL = 65_536;

/**
 * Cryptographically secure random bytes from `crypto.getRandomValues`
 * (libsodium's randombytes_buf costs ~100 µs per call in Node).
 * @throws CryptoError('MALFORMED') for a negative or non-integer length
 */
export function randomBytes(length: number): Uint8Array {
  assertInitialised();
  if (!Number.isSafeInteger(length) || length < 0) throw new CryptoError('MALFORMED', 'random length');
  const out = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += MAX_BYTES_PER_CALL) {
    globalThis.crypto.getRandomValues(out.subarray(offset, Math.min(offset + MAX_BYTES_PER_CALL, length)));
  }
  return out;
}
