import * as opaque from '@serenity-kit/opaque';
import { assertInitialised } from '../assertInitialised.ts';
import { CryptoError } from '../CryptoError.ts';
import { OPAQUE_KEY_STRETCHING } from './opaqueKeyStretching.ts';

/**
 * Client, registration step 2. Send `registrationRecord` to the server; keep
 * `exportKey` (feed it to deriveKekFromExportKey) on the client only.
 * @throws CryptoError('OPAQUE_FAILED'); 'KEY_MISMATCH' when the server's
 *   static public key is not the pinned `expectedServerPublicKey`
 */
export function opaqueRegistrationFinish(input: {
  password: string;
  clientRegistrationState: string;
  registrationResponse: string;
  expectedServerPublicKey?: string;
}): { registrationRecord: string; exportKey: string; serverStaticPublicKey: string } {
  assertInitialised();
  let result: { registrationRecord: string; exportKey: string; serverStaticPublicKey: string };
  try {
    result = opaque.client.finishRegistration({
      password: input.password,
      clientRegistrationState: input.clientRegistrationState,
      registrationResponse: input.registrationResponse,
      keyStretching: OPAQUE_KEY_STRETCHING,
    });
  } catch {
    throw new CryptoError('OPAQUE_FAILED', 'registration finish');
  }
  if (input.expectedServerPublicKey !== undefined && result.serverStaticPublicKey !== input.expectedServerPublicKey) {
    throw new CryptoError('KEY_MISMATCH', 'server static public key');
  }
  return {
    registrationRecord: result.registrationRecord,
    exportKey: result.exportKey,
    serverStaticPublicKey: result.serverStaticPublicKey,
  };
}
