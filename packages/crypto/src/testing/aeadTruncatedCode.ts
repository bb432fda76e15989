import { AEAD_LAYOUT } from '../aeadLayout.ts';
import type { CryptoErrorCode } from '../CryptoError.ts';

/** Which check of openAead fails for a sealed blob cut to `length` bytes. */
export function aeadTruncatedCode(length: number): CryptoErrorCode {
  return length < AEAD_LAYOUT.overheadBytes ? 'MALFORMED' : 'DECRYPT_FAILED';
}
