import { getSodium } from '../getSodium.ts';
import type { BoxPublicKey, BoxSecretKey, Identity, SigningPublicKey, SigningSecretKey } from '../types.ts';
import { fixedBytes } from './fixedBytes.ts';

/** A deterministic identity for fixed vectors: same seed, same keys. */
export function buildIdentity(seed: number): Identity {
  const sodium = getSodium();
  const signing = sodium.crypto_sign_seed_keypair(fixedBytes(32, seed));
  const box = sodium.crypto_box_seed_keypair(fixedBytes(32, seed + 100));
  return {
    signing: { publicKey: signing.publicKey as SigningPublicKey, secretKey: signing.privateKey as SigningSecretKey },
    box: { publicKey: box.publicKey as BoxPublicKey, secretKey: box.privateKey as BoxSecretKey },
  };
}
