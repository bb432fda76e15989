import { verifyPublicBundle } from '@coffre/crypto';

/** The signing key of a self-signed account bundle, after checking its signature. @throws CryptoError */
export function readPublicBundleIdentityKey(bundle: Uint8Array): Uint8Array {
  return verifyPublicBundle(bundle).signingPublicKey;
}
