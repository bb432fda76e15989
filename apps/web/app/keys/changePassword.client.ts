import { deriveKekFromExportKey, opaqueRegistrationFinish, opaqueRegistrationStart, toBase64Url, wrapKey } from '@coffre/crypto';
import { apiFetch } from '../api/apiFetch.ts';
import type { PasswordStartResponse, SessionPayload } from '../api/wire.ts';
import { AccountError } from './AccountError.ts';
import { passwordLogin } from './passwordLogin.client.ts';
import { getUnlockedAccount } from './unlockedAccount.client.ts';

/**
 * Proves the current password, registers the new one with OPAQUE and re-wraps
 * the same master key under the new export key. Nothing else changes.
 * @throws AccountError WRONG_CREDENTIALS | LOCKED
 */
export async function changePassword(currentPassword: string, newPassword: string, logOutOtherSessions: boolean): Promise<void> {
  const account = getUnlockedAccount();
  if (!account) throw new AccountError('LOCKED', 'Sign in again to change your password.');
  await passwordLogin(account.username, currentPassword, 'reauth');
  const start = opaqueRegistrationStart(newPassword);
  const { registrationResponse } = await apiFetch<PasswordStartResponse>('/account/password/start', {
    registrationRequest: start.registrationRequest,
  });
  const finish = opaqueRegistrationFinish({ password: newPassword, clientRegistrationState: start.clientRegistrationState, registrationResponse });
  const kek = deriveKekFromExportKey(finish.exportKey);
  await apiFetch<SessionPayload>('/account/password/finish', {
    registrationRecord: finish.registrationRecord,
    passwordWrappedMasterKey: toBase64Url(wrapKey(kek, account.masterKey, 'master-key-password', { userId: account.userId })),
    logOutOtherSessions,
  });
  kek.fill(0);
}
