import { getSodium } from './getSodium.ts';
import { randomBytes } from './randomBytes.ts';
import type { BoxKeyPair, BoxPublicKey, BoxSecretKey } from './types.ts';

const SEED_BYTES = 32;

/** Random X25519 key pair via crypto_box_seed_keypair (seed from getRandomValues). */
export function generateBoxKeyPair(): BoxKeyPair {
  const { publicKey, privateKey } = getSodium().crypto_box_seed_keypair(randomBytes(SEED_BYTES));
  return { publicKey: publicKey as BoxPublicKey, secretKey: privateKey as BoxSecretKey };
}
