import { randomBytes } from './randomBytes.ts';
import { KEY_BYTES, type RecoveryKey } from './types.ts';

/** 32 random bytes, shown once at sign-up via formatRecoveryKey. */
export function generateRecoveryKey(): RecoveryKey {
  return randomBytes(KEY_BYTES.recovery) as RecoveryKey;
}
