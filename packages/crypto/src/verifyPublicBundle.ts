import { assertInitialised } from './assertInitialised.ts';
import { DOMAINS } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { decodeAad } from './decodeAad.ts';
import { PUBLIC_BUNDLE_LAYOUT, PUBLIC_BUNDLE_SCHEMA, type PublicBundle } from './publicBundleLayout.ts';
import { KEY_BYTES, type BoxPublicKey, type SigningPublicKey } from './types.ts';
import { verifyDetached } from './verifyDetached.ts';

const { version, signingKeyOffset, recordOffset, signatureBytes } = PUBLIC_BUNDLE_LAYOUT;

/**
 * Checks the self-signature before reading any field. Only proves the bundle
 * is internally consistent: compare signingPublicKey with the pinned key.
 * @throws CryptoError('UNSUPPORTED_VERSION' | 'MALFORMED' | 'SIGNATURE_INVALID')
 */
export function verifyPublicBundle(bytes: Uint8Array): PublicBundle {
  assertInitialised();
  if (bytes.length < 1) throw new CryptoError('MALFORMED', 'public bundle');
  if (bytes[0] !== version) throw new CryptoError('UNSUPPORTED_VERSION', 'public bundle');
  if (bytes.length < recordOffset + signatureBytes) throw new CryptoError('MALFORMED', 'public bundle');
  const signingPublicKey = bytes.slice(signingKeyOffset, recordOffset) as SigningPublicKey;
  const signedEnd = bytes.length - signatureBytes;
  verifyDetached(signingPublicKey, DOMAINS.publicBundle, bytes.subarray(0, signedEnd), bytes.subarray(signedEnd));
  const record = decodeAad(DOMAINS.publicBundle, bytes.subarray(recordOffset, signedEnd), PUBLIC_BUNDLE_SCHEMA);
  if (record.boxPublicKey.length !== KEY_BYTES.boxPublic) throw new CryptoError('MALFORMED', 'box public key');
  return {
    version,
    userId: record.userId,
    username: record.username,
    createdAt: record.createdAt,
    signingPublicKey,
    boxPublicKey: record.boxPublicKey as BoxPublicKey,
  };
}
