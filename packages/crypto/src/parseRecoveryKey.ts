import { assertInitialised } from './assertInitialised.ts';
import { constantTimeEqual } from './constantTimeEqual.ts';
import { CryptoError } from './CryptoError.ts';
import { decodeBase32 } from './decodeBase32.ts';
import { recoveryKeyChecksum } from './recoveryKeyChecksum.ts';
import { KEY_BYTES, type RecoveryKey } from './types.ts';

const RECOVERY_TEXT_CHARS = 56;

/**
 * Reads what formatRecoveryKey printed, tolerating case, spaces, dashes and
 * the look-alikes O→0, I/L→1.
 * @throws CryptoError('MALFORMED') wrong length, bad character or bad checksum
 */
export function parseRecoveryKey(text: string): RecoveryKey {
  assertInitialised();
  if (typeof text !== 'string') throw new CryptoError('MALFORMED', 'recovery key text');
  const normalised = text
    .toUpperCase()
    .replace(/[\s\u2010-\u2015-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (normalised.length !== RECOVERY_TEXT_CHARS) throw new CryptoError('MALFORMED', 'recovery key length');
  const bytes = decodeBase32(normalised);
  const key = bytes.slice(0, KEY_BYTES.recovery) as RecoveryKey;
  if (!constantTimeEqual(bytes.subarray(KEY_BYTES.recovery), recoveryKeyChecksum(key))) {
    throw new CryptoError('MALFORMED', 'recovery key checksum');
  }
  return key;
}
