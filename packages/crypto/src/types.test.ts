import { beforeAll, describe, expect, it } from 'vitest';
import { CRYPTO_ERROR_MESSAGES, CryptoError, type CryptoErrorCode } from './CryptoError.ts';
import { initCrypto } from './initCrypto.ts';
import {
  asBoxPublicKey,
  asBoxSecretKey,
  asLinkSecret,
  asRecoveryKey,
  asSigningPublicKey,
  asSigningSecretKey,
  asSymmetricKey,
} from './types.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';

describe('branded key constructors', () => {
  beforeAll(() => initCrypto());

  it('accept exactly the right length and return the same bytes', () => {
    const cases: [(bytes: Uint8Array) => Uint8Array, number][] = [
      [asSymmetricKey, 32],
      [asSigningPublicKey, 32],
      [asSigningSecretKey, 64],
      [asBoxPublicKey, 32],
      [asBoxSecretKey, 32],
      [asLinkSecret, 32],
      [asRecoveryKey, 32],
    ];
    for (const [construct, length] of cases) {
      const bytes = new Uint8Array(length).fill(7);
      expect(construct(bytes)).toBe(bytes);
      for (const wrong of [0, length - 1, length + 1]) expectCryptoError(() => construct(new Uint8Array(wrong)), 'MALFORMED');
      expectCryptoError(() => construct('x'.repeat(length) as unknown as Uint8Array), 'MALFORMED');
    }
  });
});

describe('CryptoError', () => {
  it('carries a code and a fixed message, never caller data', () => {
    const error = new CryptoError('DECRYPT_FAILED', 'grant');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CryptoError');
    expect(error.code).toBe('DECRYPT_FAILED');
    expect(error.message).toBe('DECRYPT_FAILED: authentication tag did not verify (grant)');
    const codes = Object.keys(CRYPTO_ERROR_MESSAGES) as CryptoErrorCode[];
    expect(codes).toHaveLength(12);
    for (const code of codes) expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
  });
});
