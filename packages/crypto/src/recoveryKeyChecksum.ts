import { blake2b256 } from './blake2b256.ts';
import { concatBytes } from './concatBytes.ts';
import { DOMAINS } from './contexts.ts';
import { encodeAad } from './encodeAad.ts';
import type { RecoveryKey } from './types.ts';

export const RECOVERY_CHECKSUM_BYTES = 3;

/** First 3 bytes of BLAKE2b-256(encodeAad(recovery-key-checksum) ‖ key): catches typos. */
export function recoveryKeyChecksum(key: RecoveryKey): Uint8Array {
  return blake2b256(concatBytes(encodeAad(DOMAINS.recoveryKeyChecksum, {}), key)).subarray(0, RECOVERY_CHECKSUM_BYTES);
}
