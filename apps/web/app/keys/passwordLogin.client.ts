import { CryptoError, initCrypto, opaqueLoginFinish, opaqueLoginStart } from '@coffre/crypto';
import { apiFetch } from '../api/apiFetch.ts';
import type { LoginStartResponse } from '../api/wire.ts';
import { AccountError } from './AccountError.ts';
import { normaliseUsername } from './normaliseUsername.ts';
import { pinnedServerKey, pinServerKey } from './unlockSession.client.ts';

/**
 * Runs OPAQUE against the server and returns the server's answer to the
 * finish message plus the export key. A wrong password is found here, in the
 * browser, before anything derived from it is sent.
 * @throws AccountError WRONG_CREDENTIALS | SERVER_KEY_CHANGED
 */
export async function passwordLogin<T>(rawUsername: string, password: string, purpose: 'login' | 'reauth'): Promise<{ response: T; exportKey: string }> {
  await initCrypto();
  const username = normaliseUsername(rawUsername);
  const start = opaqueLoginStart(password);
  const { loginId, loginResponse } = await apiFetch<LoginStartResponse>('/auth/login/start', {
    username,
    startLoginRequest: start.startLoginRequest,
    purpose,
  });
  let finish;
  try {
    finish = opaqueLoginFinish({
      password,
      clientLoginState: start.clientLoginState,
      loginResponse,
      expectedServerPublicKey: pinnedServerKey(),
    });
  } catch (e) {
    if (e instanceof CryptoError && e.code === 'KEY_MISMATCH') {
      throw new AccountError('SERVER_KEY_CHANGED', "The server's sign-in key changed since this device last used it. Coffre stopped to protect your password.");
    }
    throw new AccountError('WRONG_CREDENTIALS', 'Wrong username or password.');
  }
  const response = await apiFetch<T>('/auth/login/finish', { loginId, finishLoginRequest: finish.finishLoginRequest });
  pinServerKey(finish.serverStaticPublicKey);
  return { response, exportKey: finish.exportKey };
}
