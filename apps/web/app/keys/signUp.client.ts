import { formatRecoveryKey, initCrypto, opaqueRegistrationFinish, opaqueRegistrationStart, randomBytes, toBase64Url } from '@coffre/crypto';
import { apiFetch } from '../api/apiFetch.ts';
import type { RegisterStartResponse, SessionPayload } from '../api/wire.ts';
import { createAccountKeys } from './createAccountKeys.ts';
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
  const keys = createAccountKeys({ userId, username, exportKey: finish.exportKey, registrationRecord: finish.registrationRecord, now: Date.now() });
  const payload = await apiFetch<SessionPayload>('/auth/register/finish', keys.request);
  pinServerKey(finish.serverStaticPublicKey);
  await unlockSession(payload, keys.masterKey);
  return { recoveryKey: formatRecoveryKey(keys.recoveryKey) };
}
