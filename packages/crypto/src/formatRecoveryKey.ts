import { concatBytes } from './concatBytes.ts';
import { CryptoError } from './CryptoError.ts';
import { encodeBase32 } from './encodeBase32.ts';
import { recoveryKeyChecksum } from './recoveryKeyChecksum.ts';
import { KEY_BYTES, type RecoveryKey } from './types.ts';

/**
 * Human-typable recovery key: Crockford base32 of key(32) ‖ checksum(3),
 * 56 characters in 14 dash-separated groups of 4.
 * @throws CryptoError('MALFORMED')
 */
export function formatRecoveryKey(key: RecoveryKey): string {
  if (key.length !== KEY_BYTES.recovery) throw new CryptoError('MALFORMED', 'recovery key');
  const text = encodeBase32(concatBytes(key, recoveryKeyChecksum(key)));
  return text.match(/.{4}/g)!.join('-');
}
