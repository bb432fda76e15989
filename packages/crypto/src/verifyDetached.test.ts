import { beforeAll, describe, expect, it } from 'vitest';
import { DOMAINS } from './contexts.ts';
import { generateSigningKeyPair } from './generateSigningKeyPair.ts';
import { getSodium } from './getSodium.ts';
import { initCrypto } from './initCrypto.ts';
import { signDetached } from './signDetached.ts';
import { toHex } from './toHex.ts';
import { utf8Encode } from './utf8Encode.ts';
import { verifyDetached } from './verifyDetached.ts';
import { buildIdentity } from './testing/buildIdentity.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
import { fromHexForTest } from './testing/fromHexForTest.ts';
import type { SigningPublicKey, SigningSecretKey } from './types.ts';

const VECTOR =
  '16ef7a2d2e99a0bf316bd6d2b6cae39e1294330d7bcc1be8aed6c264c147bc9a' +
  'b0d94d4c93d5f8f33e1b5a4c9a905aba914e22c6cedaa70e6312a59258e51103';

describe('signDetached / verifyDetached', () => {
  beforeAll(() => initCrypto());
  const message = () => utf8Encode('members');

  it('is deterministic and matches the fixed vector', () => {
    const { signing } = buildIdentity(5);
    expect(toHex(signDetached(signing.secretKey, DOMAINS.memberList, message()))).toBe(VECTOR);
    expect(() => verifyDetached(signing.publicKey, DOMAINS.memberList, message(), fromHexForTest(VECTOR))).not.toThrow();
  });

  it('never verifies under another domain, and never as a bare Ed25519 signature', () => {
    const { publicKey, secretKey } = generateSigningKeyPair();
    const signature = signDetached(secretKey, DOMAINS.memberList, message());
    expectCryptoError(() => verifyDetached(publicKey, DOMAINS.docUpdate, message(), signature), 'SIGNATURE_INVALID');
    expect(getSodium().crypto_sign_verify_detached(signature, message(), publicKey)).toBe(false);
    const bare = getSodium().crypto_sign_detached(message(), secretKey);
    expectCryptoError(() => verifyDetached(publicKey, DOMAINS.memberList, message(), bare), 'SIGNATURE_INVALID');
  });

  it('throws on every bit flip of message, signature or key, and on another key', () => {
    const { publicKey, secretKey } = generateSigningKeyPair();
    const msg = message();
    const signature = signDetached(secretKey, DOMAINS.memberList, msg);
    const flip = (bytes: Uint8Array, bit: number) => {
      const copy = bytes.slice();
      copy[bit >> 3]! ^= 1 << (bit & 7);
      return copy;
    };
    for (let bit = 0; bit < signature.length * 8; bit++) {
      expectCryptoError(() => verifyDetached(publicKey, DOMAINS.memberList, msg, flip(signature, bit)), 'SIGNATURE_INVALID');
    }
    for (let bit = 0; bit < msg.length * 8; bit++) {
      expectCryptoError(() => verifyDetached(publicKey, DOMAINS.memberList, flip(msg, bit), signature), 'SIGNATURE_INVALID');
    }
    for (let bit = 0; bit < publicKey.length * 8; bit += 3) {
      const key = flip(publicKey, bit) as SigningPublicKey;
      expectCryptoError(() => verifyDetached(key, DOMAINS.memberList, msg, signature), 'SIGNATURE_INVALID');
    }
    const other = generateSigningKeyPair().publicKey;
    expectCryptoError(() => verifyDetached(other, DOMAINS.memberList, msg, signature), 'SIGNATURE_INVALID');
    expectCryptoError(() => verifyDetached(publicKey, DOMAINS.memberList, msg, signature.subarray(0, 63)), 'SIGNATURE_INVALID');
    expectCryptoError(() => verifyDetached(publicKey, DOMAINS.memberList, msg, new Uint8Array(64)), 'SIGNATURE_INVALID');
    expectCryptoError(() => verifyDetached(new Uint8Array(32) as SigningPublicKey, DOMAINS.memberList, msg, signature), 'SIGNATURE_INVALID');
  });

  it('refuses a malformed secret key', () => {
    expectCryptoError(() => signDetached(new Uint8Array(32) as SigningSecretKey, DOMAINS.memberList, message()), 'MALFORMED');
  });
});
