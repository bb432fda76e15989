import { assertInitialised } from './assertInitialised.ts';
import { CryptoError } from './CryptoError.ts';

// getRandomValues refuses more than 65 536 bytes per call.
const MAX_BYTES_PER_CALL = 65_536;

// V8 keeps typed arrays of up to 64 bytes inside the JS heap; handing a new one to
// Node's getRandomValues moves its buffer out first, which cost ~16 µs per nonce
// against ~5 µs for the call itself. Small requests are filled in this one
// off-heap array, copied out, and wiped.
const SCRATCH_BYTES = 256;
const scratch = new Uint8Array(SCRATCH_BYTES);

/**
 * Cryptographically secure random bytes from `crypto.getRandomValues`
 * (libsodium's randombytes_buf costs ~100 µs per call in Node).
 * @throws CryptoError('MALFORMED') for a negative or non-integer length
 */
export function randomBytes(length: number): Uint8Array {
  assertInitialised();
  if (!Number.isSafeInteger(length) || length < 0) throw new CryptoError('MALFORMED', 'random length');
  const out = new Uint8Array(length);
  if (length <= SCRATCH_BYTES) {
    const view = scratch.subarray(0, length);
    globalThis.crypto.getRandomValues(view);
    out.set(view);
    view.fill(0);
    return out;
  }
  for (let offset = 0; offset < length; offset += MAX_BYTES_PER_CALL) {
    globalThis.crypto.getRandomValues(out.subarray(offset, Math.min(offset + MAX_BYTES_PER_CALL, length)));
  }
  return out;
}
