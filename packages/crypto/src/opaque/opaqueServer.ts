/**
 * Server side of OPAQUE, exported at `@coffre/crypto/opaque-server`.
 * Must not import libsodium (or anything that does): the server holds no
 * user keys. Every function awaits the OPAQUE WebAssembly itself, so no init
 * call is needed. Failures throw CryptoError('OPAQUE_FAILED').
 */
import * as opaque from '@serenity-kit/opaque';
import { CryptoError } from '../CryptoError.ts';

async function run<T>(step: string, body: () => T): Promise<T> {
  await opaque.ready;
  try {
    return body();
  } catch {
    throw new CryptoError('OPAQUE_FAILED', step);
  }
}

/** A new long-term server secret (base64url). Store it like a private key; never rotate casually (all logins break). */
export function createOpaqueServerSetup(): Promise<string> {
  return run('create setup', () => opaque.server.createSetup());
}

/** The server's static public key, for clients to pin. */
export function opaqueServerPublicKey(serverSetup: string): Promise<string> {
  return run('public key', () => opaque.server.getPublicKey(serverSetup));
}

/** Registration: answer the client's registrationRequest. */
export function opaqueRegistrationResponse(input: {
  serverSetup: string;
  userIdentifier: string;
  registrationRequest: string;
}): Promise<{ registrationResponse: string }> {
  return run('registration response', () => opaque.server.createRegistrationResponse(input));
}

/**
 * Login step 1. Pass `registrationRecord: null` for an unknown user: a
 * response is still produced, indistinguishable from a real one, so the
 * endpoint does not reveal who has an account. Keep `serverLoginState`
 * server-side only, for opaqueLoginFinish.
 */
export function opaqueLoginStart(input: {
  serverSetup: string;
  userIdentifier: string;
  registrationRecord: string | null;
  startLoginRequest: string;
}): Promise<{ serverLoginState: string; loginResponse: string }> {
  return run('login start', () => opaque.server.startLogin(input));
}

/**
 * Login step 2: succeeds only if the client knew the password.
 * @throws CryptoError('OPAQUE_FAILED')
 */
export function opaqueLoginFinish(input: { serverLoginState: string; finishLoginRequest: string }): Promise<{ sessionKey: string }> {
  return run('login finish', () => opaque.server.finishLogin(input));
}
