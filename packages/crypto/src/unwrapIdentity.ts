import { assertIdentityKeys } from './assertIdentityKeys.ts';
import { DOMAINS, KDF_CONTEXTS, SUBKEY_IDS } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { deriveSubkey } from './deriveSubkey.ts';
import { identityWrapFields } from './identityWrapFields.ts';
import { openAead } from './openAead.ts';
import type { BoxPublicKey, BoxSecretKey, Identity, SigningPublicKey, SigningSecretKey, SymmetricKey } from './types.ts';

const WRAPPED_IDENTITY_PLAINTEXT_BYTES = 64;

/**
 * Opens wrapIdentity output and checks that the secret keys derive exactly
 * the expected (pinned) public keys; never adopts keys that do not.
 * @throws CryptoError — the openAead codes; 'MALFORMED' for a wrong
 *   plaintext size; 'KEY_MISMATCH' when the keys do not match `expected`
 */
export function unwrapIdentity(
  masterKey: SymmetricKey,
  wrapped: Uint8Array,
  userId: string,
  expected: { signingPublicKey: SigningPublicKey; boxPublicKey: BoxPublicKey },
): Identity {
  const wrappingKey = deriveSubkey(masterKey, SUBKEY_IDS.identityWrap, KDF_CONTEXTS.keyWrap);
  const fields = identityWrapFields(userId, expected.signingPublicKey, expected.boxPublicKey);
  const plaintext = openAead(wrappingKey, wrapped, DOMAINS.wrapIdentity, fields);
  if (plaintext.length !== WRAPPED_IDENTITY_PLAINTEXT_BYTES) throw new CryptoError('MALFORMED', 'wrapped identity size');
  const seed = plaintext.subarray(0, 32);
  const boxSecretKey = plaintext.slice(32, 64);
  const signingSecretKey = assertIdentityKeys(seed, boxSecretKey, expected.signingPublicKey, expected.boxPublicKey);
  return {
    signing: { publicKey: expected.signingPublicKey.slice() as SigningPublicKey, secretKey: signingSecretKey as SigningSecretKey },
    box: { publicKey: expected.boxPublicKey.slice() as BoxPublicKey, secretKey: boxSecretKey as BoxSecretKey },
  };
}
