import { assertInitialised } from './assertInitialised.ts';
import { concatBytes } from './concatBytes.ts';
import { DOMAINS } from './contexts.ts';
import { encodeAad } from './encodeAad.ts';
import { PUBLIC_BUNDLE_LAYOUT } from './publicBundleLayout.ts';
import { signDetached } from './signDetached.ts';
import type { Identity } from './types.ts';

/**
 * The user's public keys, self-signed:
 *   version(1)=1 ‖ signingPublicKey(32) ‖ record ‖ Ed25519 signature(64)
 * where record = encodeAad(coffre/public-bundle/v1, {userId, username,
 * createdAt, boxPublicKey}) and the signature (domain coffre/public-bundle/v1)
 * covers everything before it.
 * @throws CryptoError('MALFORMED') for bad field values
 */
export function createPublicBundle(
  identity: Identity,
  info: { userId: string; username: string; createdAt: number },
): Uint8Array {
  assertInitialised();
  const record = encodeAad(DOMAINS.publicBundle, {
    userId: info.userId,
    username: info.username,
    createdAt: info.createdAt,
    boxPublicKey: identity.box.publicKey,
  });
  const signed = concatBytes(Uint8Array.of(PUBLIC_BUNDLE_LAYOUT.version), identity.signing.publicKey, record);
  return concatBytes(signed, signDetached(identity.signing.secretKey, DOMAINS.publicBundle, signed));
}
