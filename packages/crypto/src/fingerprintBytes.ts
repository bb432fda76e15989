import { blake2b256 } from './blake2b256.ts';
import { DOMAINS } from './contexts.ts';
import { encodeAad } from './encodeAad.ts';
import type { BoxPublicKey, SigningPublicKey } from './types.ts';

/** BLAKE2b-256(encodeAad(coffre/fingerprint/v1, {signingPublicKey, boxPublicKey})). */
export function fingerprintBytes(bundle: { signingPublicKey: SigningPublicKey; boxPublicKey: BoxPublicKey }): Uint8Array {
  return blake2b256(
    encodeAad(DOMAINS.fingerprint, { signingPublicKey: bundle.signingPublicKey, boxPublicKey: bundle.boxPublicKey }),
  );
}
