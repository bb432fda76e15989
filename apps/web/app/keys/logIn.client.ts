import { deriveKekFromExportKey, fromBase64Url, unwrapKey } from '@coffre/crypto';
import { apiFetch } from '../api/apiFetch.ts';
import type { SessionPayload } from '../api/wire.ts';
import { AccountError } from './AccountError.ts';
import { clearKeyCaches } from './unlockedAccount.client.ts';
import { passwordLogin } from './passwordLogin.client.ts';
import { unlockSession } from './unlockSession.client.ts';
import type { UnlockedAccount } from './unlockedAccount.client.ts';

/** @throws AccountError WRONG_CREDENTIALS | SERVER_KEY_CHANGED | KEY_INTEGRITY; ApiRequestError */
export async function logIn(username: string, password: string): Promise<UnlockedAccount> {
  const { response: payload, exportKey } = await passwordLogin<SessionPayload>(username, password, 'login');
  const kek = deriveKekFromExportKey(exportKey);
  let masterKey: Uint8Array;
  try {
    masterKey = unwrapKey(kek, fromBase64Url(payload.passwordWrappedMasterKey), 'master-key-password', { userId: payload.userId });
  } catch {
    await apiFetch('/auth/logout', {}).catch(() => undefined);
    clearKeyCaches();
    throw new AccountError('KEY_INTEGRITY', 'Your account keys failed an integrity check, so Coffre did not use them. You have been signed out.');
  } finally {
    kek.fill(0);
  }
  return unlockSession(payload, masterKey);
}
