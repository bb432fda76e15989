import { randomBytes } from './randomBytes.ts';
import { KEY_BYTES, type SymmetricKey } from './types.ts';

/** 32 random bytes for XChaCha20-Poly1305 or crypto_kdf. */
export function generateSymmetricKey(): SymmetricKey {
  return randomBytes(KEY_BYTES.symmetric) as SymmetricKey;
}
