import { beforeAll, describe, expect, it } from 'vitest';
import { generateBoxKeyPair } from './generateBoxKeyPair.ts';
import { generateIdentity } from './generateIdentity.ts';
import { generateSigningKeyPair } from './generateSigningKeyPair.ts';
import { generateSymmetricKey } from './generateSymmetricKey.ts';
import { getSodium } from './getSodium.ts';
import { initCrypto } from './initCrypto.ts';

describe('key generation', () => {
  beforeAll(() => initCrypto());

  it('makes consistent, distinct Ed25519 key pairs', () => {
    const a = generateSigningKeyPair();
    const b = generateSigningKeyPair();
    expect(a.publicKey).toHaveLength(32);
    expect(a.secretKey).toHaveLength(64);
    expect(getSodium().crypto_sign_ed25519_sk_to_pk(a.secretKey)).toEqual(a.publicKey);
    expect(a.publicKey).not.toEqual(b.publicKey);
  });

  it('makes consistent, distinct X25519 key pairs', () => {
    const a = generateBoxKeyPair();
    const b = generateBoxKeyPair();
    expect(a.publicKey).toHaveLength(32);
    expect(a.secretKey).toHaveLength(32);
    expect(getSodium().crypto_scalarmult_base(a.secretKey)).toEqual(a.publicKey);
    expect(a.secretKey).not.toEqual(b.secretKey);
  });

  it('makes identities with independent key pairs and random symmetric keys', () => {
    const identity = generateIdentity();
    expect(identity.signing.publicKey).not.toEqual(identity.box.publicKey);
    expect(generateSymmetricKey()).toHaveLength(32);
    expect(generateSymmetricKey()).not.toEqual(generateSymmetricKey());
  });
});
