import { beforeAll, describe, expect, it } from 'vitest';
import { deriveRecoverySigningKeyPair } from './deriveRecoverySigningKeyPair.ts';
import { generateRecoveryKey } from './generateRecoveryKey.ts';
import { initCrypto } from './initCrypto.ts';
import { signRecoveryProof } from './signRecoveryProof.ts';
import { toHex } from './toHex.ts';
import { verifyRecoveryProof } from './verifyRecoveryProof.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
import { fixedBytes } from './testing/fixedBytes.ts';
import type { RecoveryKey } from './types.ts';

describe('recovery proof', () => {
  const recoveryKey = fixedBytes(32, 10) as RecoveryKey;
  const challenge = fixedBytes(32, 11);
  beforeAll(() => initCrypto());

  it('derives the signing key pair deterministically (fixed vector) and signs the fixed proof', () => {
    const pair = deriveRecoverySigningKeyPair(recoveryKey);
    expect(toHex(pair.publicKey)).toBe('a56479b88bdd62267ef1bc9455cbceb75c9f54aa114df4b9380c5f0e3592ca53');
    expect(deriveRecoverySigningKeyPair(recoveryKey)).toEqual(pair);
    const signature = signRecoveryProof(pair.secretKey, challenge, 'user-alice');
    expect(toHex(signature)).toBe(
      '9e336fca3443af456f8dfe24175ce5e4219c29eb7439be25c2c214d5710fb1c6' +
        'd4315d418e02e794f35d6dd6e33044e8621cb00030c1d51eb84591781a5cb106',
    );
    expect(() => verifyRecoveryProof(pair.publicKey, challenge, 'user-alice', signature)).not.toThrow();
  });

  it('binds the challenge, the user and the recovery key', () => {
    const pair = deriveRecoverySigningKeyPair(recoveryKey);
    const signature = signRecoveryProof(pair.secretKey, challenge, 'user-alice');
    expectCryptoError(() => verifyRecoveryProof(pair.publicKey, fixedBytes(32, 12), 'user-alice', signature), 'SIGNATURE_INVALID');
    expectCryptoError(() => verifyRecoveryProof(pair.publicKey, challenge, 'user-bob', signature), 'SIGNATURE_INVALID');
    const other = deriveRecoverySigningKeyPair(generateRecoveryKey());
    expectCryptoError(() => verifyRecoveryProof(other.publicKey, challenge, 'user-alice', signature), 'SIGNATURE_INVALID');
    for (let i = 0; i < signature.length; i++) {
      const bad = signature.slice();
      bad[i]! ^= 0x10;
      expectCryptoError(() => verifyRecoveryProof(pair.publicKey, challenge, 'user-alice', bad), 'SIGNATURE_INVALID');
    }
  });

  it('refuses short challenges', () => {
    const pair = deriveRecoverySigningKeyPair(recoveryKey);
    expectCryptoError(() => signRecoveryProof(pair.secretKey, new Uint8Array(8), 'user-alice'), 'MALFORMED');
  });
});
