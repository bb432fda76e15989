import {
  CryptoError,
  deriveKekFromExportKey,
  deriveRecoverySigningKeyPair,
  deriveRecoveryWrappingKey,
  fromBase64Url,
  initCrypto,
  opaqueRegistrationFinish,
  opaqueRegistrationStart,
  parseRecoveryKey,
  signRecoveryProof,
  toBase64Url,
  unwrapKey,
  wrapKey,
} from '@coffre/crypto';
import { ApiRequestError, apiFetch } from '../api/apiFetch.ts';
import type { RecoverStartResponse, RecoverVerifyResponse, SessionPayload } from '../api/wire.ts';
import { AccountError } from './AccountError.ts';
import { normaliseUsername } from './normaliseUsername.ts';
import { unlockSession } from './unlockSession.client.ts';
import type { UnlockedAccount } from './unlockedAccount.client.ts';

/**
 * Sets a new password with the recovery key: proves the key by signing a
 * server challenge, unwraps the master key with it, and re-wraps it under
 * the new password. Every other session is logged out.
 * @throws AccountError RECOVERY_KEY_INVALID | KEY_INTEGRITY
 */
export async function recoverAccount(rawUsername: string, recoveryKeyText: string, newPassword: string): Promise<UnlockedAccount> {
  await initCrypto();
  let recoveryKey;
  try {
    recoveryKey = parseRecoveryKey(recoveryKeyText);
  } catch {
    throw new AccountError('RECOVERY_KEY_INVALID', 'That is not a valid recovery key. Check it for typing mistakes.');
  }
  const username = normaliseUsername(rawUsername);
  const { challengeId, challenge, userId } = await apiFetch<RecoverStartResponse>('/auth/recover/start', { username });
  const signer = deriveRecoverySigningKeyPair(recoveryKey);
  const start = opaqueRegistrationStart(newPassword);
  let verified: RecoverVerifyResponse;
  try {
    verified = await apiFetch<RecoverVerifyResponse>('/auth/recover/verify', {
      challengeId,
      signature: toBase64Url(signRecoveryProof(signer.secretKey, fromBase64Url(challenge), userId)),
      registrationRequest: start.registrationRequest,
    });
  } catch (e) {
    if (e instanceof ApiRequestError && e.code === 'RECOVERY_FAILED') {
      throw new AccountError('RECOVERY_KEY_INVALID', 'That recovery key does not match this account.');
    }
    throw e;
  }
  let masterKey;
  try {
    masterKey = unwrapKey(deriveRecoveryWrappingKey(recoveryKey), fromBase64Url(verified.recoveryWrappedMasterKey), 'master-key-recovery', { userId });
  } catch (e) {
    if (e instanceof CryptoError) throw new AccountError('KEY_INTEGRITY', 'Your account keys failed an integrity check. Nothing was changed.');
    throw e;
  }
  const finish = opaqueRegistrationFinish({ password: newPassword, clientRegistrationState: start.clientRegistrationState, registrationResponse: verified.registrationResponse });
  const kek = deriveKekFromExportKey(finish.exportKey);
  const payload = await apiFetch<SessionPayload>('/auth/recover/finish', {
    resetId: verified.resetId,
    registrationRecord: finish.registrationRecord,
    passwordWrappedMasterKey: toBase64Url(wrapKey(kek, masterKey, 'master-key-password', { userId })),
  });
  kek.fill(0);
  return unlockSession(payload, masterKey);
}
