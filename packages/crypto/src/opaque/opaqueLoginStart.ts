import * as opaque from '@serenity-kit/opaque';
import { assertInitialised } from '../assertInitialised.ts';
import { CryptoError } from '../CryptoError.ts';

/**
 * Client, login step 1. Send `startLoginRequest`; keep `clientLoginState` in memory only.
 * @throws CryptoError('OPAQUE_FAILED')
 */
export function opaqueLoginStart(password: string): { clientLoginState: string; startLoginRequest: string } {
  assertInitialised();
  if (typeof password !== 'string' || password.length === 0) throw new CryptoError('OPAQUE_FAILED', 'empty password');
  try {
    return opaque.client.startLogin({ password });
  } catch {
    throw new CryptoError('OPAQUE_FAILED', 'login start');
  }
}
