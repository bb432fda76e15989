import { AEAD_LAYOUT } from '../aeadLayout.ts';
import type { CryptoErrorCode } from '../CryptoError.ts';

/** Which check of openAead fails when the first modified byte of a sealed blob is at `position`. */
export function aeadCodeAt(position: number): CryptoErrorCode {
  if (position === 0) return 'UNSUPPORTED_VERSION';
  return position < AEAD_LAYOUT.headerBytes ? 'COMMITMENT_MISMATCH' : 'DECRYPT_FAILED';
}
