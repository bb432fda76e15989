import { constantTimeEqual } from './constantTimeEqual.ts';
import { CryptoError } from './CryptoError.ts';
import { getSodium } from './getSodium.ts';
import { KEY_BYTES } from './types.ts';

/**
 * Checks that an Ed25519 seed and an X25519 secret key derive exactly the
 * given public keys, and returns the full Ed25519 secret key.
 * @throws CryptoError('KEY_MISMATCH')
 */
export function assertIdentityKeys(
  signingSeed: Uint8Array,
  boxSecretKey: Uint8Array,
  signingPublicKey: Uint8Array,
  boxPublicKey: Uint8Array,
): Uint8Array {
  const sodium = getSodium();
  if (signingSeed.length !== 32 || boxSecretKey.length !== KEY_BYTES.boxSecret) throw new CryptoError('KEY_MISMATCH');
  const signing = sodium.crypto_sign_seed_keypair(signingSeed);
  const derivedBox = sodium.crypto_scalarmult_base(boxSecretKey);
  const signingOk = constantTimeEqual(signing.publicKey, signingPublicKey);
  const boxOk = constantTimeEqual(derivedBox, boxPublicKey);
  if (!signingOk || !boxOk) throw new CryptoError('KEY_MISMATCH');
  return signing.privateKey;
}
