import {
  createPublicBundle,
  deriveKekFromExportKey,
  deriveRecoverySigningKeyPair,
  deriveRecoveryWrappingKey,
  formatRecoveryKey,
  generateIdentity,
  generateMasterKey,
  generateRecoveryKey,
  initCrypto,
  opaqueRegistrationFinish,
  opaqueRegistrationStart,
  randomBytes,
  toBase64Url,
  wrapIdentity,
  wrapKey,
} from '@coffre/crypto';
import { apiFetch } from '../api/apiFetch.ts';
import type { RegisterFinishRequest, RegisterStartResponse, SessionPayload } from '../api/wire.ts';
import { normaliseUsername } from './normaliseUsername.ts';
import { pinServerKey, unlockSession } from './unlockSession.client.ts';

/**
 * Creates an account. The password never leaves this function: OPAQUE gives
 * an export key, which wraps a random master key; a recovery key wraps it too.
 * @returns the recovery key, formatted for the user to keep (shown once).
 */
export async function signUp(rawUsername: string, password: string): Promise<{ recoveryKey: string }> {
  await initCrypto();
  const username = normaliseUsername(rawUsername);
  const userId = toBase64Url(randomBytes(16));
  const start = opaqueRegistrationStart(password);
  const { registrationResponse } = await apiFetch<RegisterStartResponse>('/auth/register/start', {
    username,
    registrationRequest: start.registrationRequest,
  });
  const finish = opaqueRegistrationFinish({ password, clientRegistrationState: start.clientRegistrationState, registrationResponse });

  const masterKey = generateMasterKey();
  const kek = deriveKekFromExportKey(finish.exportKey);
  const recoveryKey = generateRecoveryKey();
  const identity = generateIdentity();
  const request: RegisterFinishRequest = {
    userId,
    username,
    registrationRecord: finish.registrationRecord,
    passwordWrappedMasterKey: toBase64Url(wrapKey(kek, masterKey, 'master-key-password', { userId })),
    recoveryWrappedMasterKey: toBase64Url(wrapKey(deriveRecoveryWrappingKey(recoveryKey), masterKey, 'master-key-recovery', { userId })),
    recoveryVerifyKey: toBase64Url(deriveRecoverySigningKeyPair(recoveryKey).publicKey),
    wrappedIdentity: toBase64Url(wrapIdentity(masterKey, identity, userId)),
    publicBundle: toBase64Url(createPublicBundle(identity, { userId, username, createdAt: Date.now() })),
  };
  const payload = await apiFetch<SessionPayload>('/auth/register/finish', request);
  pinServerKey(finish.serverStaticPublicKey);
  await unlockSession(payload, masterKey);
  kek.fill(0);
  return { recoveryKey: formatRecoveryKey(recoveryKey) };
}
