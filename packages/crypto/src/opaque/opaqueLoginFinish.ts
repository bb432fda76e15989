import * as opaque from '@serenity-kit/opaque';
import { assertInitialised } from '../assertInitialised.ts';
import { CryptoError } from '../CryptoError.ts';
import { OPAQUE_KEY_STRETCHING } from './opaqueKeyStretching.ts';

export interface OpaqueLoginResult {
  finishLoginRequest: string;
  sessionKey: string;
  exportKey: string;
  serverStaticPublicKey: string;
}

/**
 * Client, login step 2. The library returns undefined for a wrong password
 * (or an unknown user, indistinguishably); that becomes OPAQUE_FAILED.
 * @throws CryptoError('OPAQUE_FAILED'); 'KEY_MISMATCH' when the server's
 *   static public key is not the pinned `expectedServerPublicKey`
 */
export function opaqueLoginFinish(input: {
  password: string;
  clientLoginState: string;
  loginResponse: string;
  expectedServerPublicKey?: string;
}): OpaqueLoginResult {
  assertInitialised();
  let result: OpaqueLoginResult | undefined;
  try {
    result = opaque.client.finishLogin({
      password: input.password,
      clientLoginState: input.clientLoginState,
      loginResponse: input.loginResponse,
      keyStretching: OPAQUE_KEY_STRETCHING,
    });
  } catch {
    throw new CryptoError('OPAQUE_FAILED', 'login finish');
  }
  if (result === undefined) throw new CryptoError('OPAQUE_FAILED', 'login finish');
  if (input.expectedServerPublicKey !== undefined && result.serverStaticPublicKey !== input.expectedServerPublicKey) {
    throw new CryptoError('KEY_MISMATCH', 'server static public key');
  }
  return {
    finishLoginRequest: result.finishLoginRequest,
    sessionKey: result.sessionKey,
    exportKey: result.exportKey,
    serverStaticPublicKey: result.serverStaticPublicKey,
  };
}
