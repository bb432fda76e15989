import { getSodium } from './getSodium.ts';
import { randomBytes } from './randomBytes.ts';
import type { SigningKeyPair, SigningPublicKey, SigningSecretKey } from './types.ts';

const SEED_BYTES = 32;

/** Random Ed25519 key pair (seed from getRandomValues). */
export function generateSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = getSodium().crypto_sign_seed_keypair(randomBytes(SEED_BYTES));
  return { publicKey: publicKey as SigningPublicKey, secretKey: privateKey as SigningSecretKey };
}
