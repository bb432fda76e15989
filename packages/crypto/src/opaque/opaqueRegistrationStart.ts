import * as opaque from '@serenity-kit/opaque';
import { assertInitialised } from '../assertInitialised.ts';
import { CryptoError } from '../CryptoError.ts';

/**
 * Client, registration step 1. Send `registrationRequest` to the server; keep
 * `clientRegistrationState` in memory only.
 * @throws CryptoError('OPAQUE_FAILED')
 */
export function opaqueRegistrationStart(password: string): { clientRegistrationState: string; registrationRequest: string } {
  assertInitialised();
  if (typeof password !== 'string' || password.length === 0) throw new CryptoError('OPAQUE_FAILED', 'empty password');
  try {
    return opaque.client.startRegistration({ password });
  } catch {
    throw new CryptoError('OPAQUE_FAILED', 'registration start');
  }
}
