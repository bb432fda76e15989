import { deriveRecoverySigningKeyPair, deriveRecoveryWrappingKey, formatRecoveryKey, generateRecoveryKey, toBase64Url, wrapKey } from '@coffre/crypto';
import { apiFetch } from '../api/apiFetch.ts';
import type { RecoveryKeyRequest } from '../api/wire.ts';
import { AccountError } from './AccountError.ts';
import { passwordLogin } from './passwordLogin.client.ts';
import { getUnlockedAccount } from './unlockedAccount.client.ts';

/** Makes a new recovery key after a password check; the old one stops working. */
export async function replaceRecoveryKey(password: string): Promise<string> {
  const account = getUnlockedAccount();
  if (!account) throw new AccountError('LOCKED', 'Sign in again first.');
  await passwordLogin(account.username, password, 'reauth');
  const recoveryKey = generateRecoveryKey();
  const request: RecoveryKeyRequest = {
    recoveryWrappedMasterKey: toBase64Url(wrapKey(deriveRecoveryWrappingKey(recoveryKey), account.masterKey, 'master-key-recovery', { userId: account.userId })),
    recoveryVerifyKey: toBase64Url(deriveRecoverySigningKeyPair(recoveryKey).publicKey),
  };
  await apiFetch('/account/recovery-key', request);
  return formatRecoveryKey(recoveryKey);
}
