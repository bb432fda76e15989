import { KDF_CONTEXTS, SUBKEY_IDS } from './contexts.ts';
import { deriveSubkey } from './deriveSubkey.ts';
import { getSodium } from './getSodium.ts';
import type { RecoveryKey, SigningKeyPair, SigningPublicKey, SigningSecretKey } from './types.ts';

/**
 * Deterministic Ed25519 key pair seeded by crypto_kdf(recoveryKey, 1, "recovsig").
 * The server stores the public key at sign-up; a recovering client proves it
 * holds the recovery key by signing the server's challenge (signRecoveryProof).
 */
export function deriveRecoverySigningKeyPair(recoveryKey: RecoveryKey): SigningKeyPair {
  const seed = deriveSubkey(recoveryKey, SUBKEY_IDS.recoverySigning, KDF_CONTEXTS.recoverySigning);
  const { publicKey, privateKey } = getSodium().crypto_sign_seed_keypair(seed);
  return { publicKey: publicKey as SigningPublicKey, secretKey: privateKey as SigningSecretKey };
}
