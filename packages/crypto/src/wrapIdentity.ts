import { assertIdentityKeys } from './assertIdentityKeys.ts';
import { concatBytes } from './concatBytes.ts';
import { DOMAINS, KDF_CONTEXTS, SUBKEY_IDS } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { deriveSubkey } from './deriveSubkey.ts';
import { getSodium } from './getSodium.ts';
import { identityWrapFields } from './identityWrapFields.ts';
import { sealAead } from './sealAead.ts';
import { KEY_BYTES, type Identity, type SymmetricKey } from './types.ts';

/**
 * Wraps the identity's secret keys (Ed25519 seed ‖ X25519 secret key, 64
 * bytes) under crypto_kdf(masterKey, 1, "keywrap_"), domain
 * coffre/wrap/identity/v1, AAD binding userId and both public keys.
 * @throws CryptoError('KEY_MISMATCH') if the identity is not self-consistent
 */
export function wrapIdentity(masterKey: SymmetricKey, identity: Identity, userId: string): Uint8Array {
  const sodium = getSodium();
  const { signing, box } = identity;
  if (signing.secretKey.length !== KEY_BYTES.signingSecret) throw new CryptoError('MALFORMED', 'signing key');
  const seed = sodium.crypto_sign_ed25519_sk_to_seed(signing.secretKey);
  assertIdentityKeys(seed, box.secretKey, signing.publicKey, box.publicKey);
  const wrappingKey = deriveSubkey(masterKey, SUBKEY_IDS.identityWrap, KDF_CONTEXTS.keyWrap);
  const fields = identityWrapFields(userId, signing.publicKey, box.publicKey);
  return sealAead(wrappingKey, concatBytes(seed, box.secretKey), DOMAINS.wrapIdentity, fields);
}
