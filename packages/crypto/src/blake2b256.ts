import { getSodium } from './getSodium.ts';

/** BLAKE2b with a 32-byte output, optionally keyed (16..64-byte key). */
export function blake2b256(message: Uint8Array, key?: Uint8Array): Uint8Array {
  return getSodium().crypto_generichash(32, message, key ?? null);
}
