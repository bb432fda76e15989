import { KDF_CONTEXTS, SUBKEY_IDS } from './contexts.ts';
import { deriveSubkey } from './deriveSubkey.ts';
import type { RecoveryKey, SymmetricKey } from './types.ts';

/** Key that wraps the master key (purpose 'master-key-recovery'): crypto_kdf(recoveryKey, 1, "recovwrp"). */
export function deriveRecoveryWrappingKey(recoveryKey: RecoveryKey): SymmetricKey {
  return deriveSubkey(recoveryKey, SUBKEY_IDS.recoveryWrap, KDF_CONTEXTS.recoveryWrap);
}
