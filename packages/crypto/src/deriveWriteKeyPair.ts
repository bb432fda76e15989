import { KDF_CONTEXTS, SUBKEY_IDS } from './contexts.ts';
import { deriveSubkey } from './deriveSubkey.ts';
import { getSodium } from './getSodium.ts';
import type { SigningKeyPair, SigningPublicKey, SigningSecretKey, SymmetricKey } from './types.ts';

/**
 * The Ed25519 key pair of an item's write key, seeded by
 * crypto_kdf(writeKey, 1, "writesig"). Whoever holds the write key can
 * certify device keys for the item (signWriteCert); readers, who get only
 * the public half, check them (ADR 0016).
 * @throws CryptoError('MALFORMED') for a write key that is not 32 bytes
 */
export function deriveWriteKeyPair(writeKey: SymmetricKey): SigningKeyPair {
  const seed = deriveSubkey(writeKey, SUBKEY_IDS.writeSigning, KDF_CONTEXTS.writeSigning);
  const { publicKey, privateKey } = getSodium().crypto_sign_seed_keypair(seed);
  return { publicKey: publicKey as SigningPublicKey, secretKey: privateKey as SigningSecretKey };
}
