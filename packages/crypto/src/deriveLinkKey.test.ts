import { beforeAll, describe, expect, it } from 'vitest';
import { assertArgon2Params } from './assertArgon2Params.ts';
import { deriveLinkKey } from './deriveLinkKey.ts';
import { fromBase64Url } from './fromBase64Url.ts';
import { generateLinkSecret } from './generateLinkSecret.ts';
import { initCrypto } from './initCrypto.ts';
import { LINK_ARGON2_MEMLIMIT, LINK_ARGON2_OPSLIMIT } from './limits.ts';
import { linkIdFromSecret } from './linkIdFromSecret.ts';
import { toHex } from './toHex.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
import { fixedBytes } from './testing/fixedBytes.ts';
import type { LinkSecret } from './types.ts';

describe('share-link keys', () => {
  const secret = fixedBytes(32, 8) as LinkSecret;
  beforeAll(() => initCrypto());

  it('derives the fixed link id, 43 base64url characters, independent of the link key', () => {
    const linkId = linkIdFromSecret(secret);
    expect(linkId).toBe('HORcW9AKnAyMQPJEFOUlwBQP2AFTQyKsJKrDVtPD5-k');
    expect(toHex(fromBase64Url(linkId))).not.toBe(toHex(deriveLinkKey(secret)));
    expect(linkIdFromSecret(generateLinkSecret())).not.toBe(linkId);
  });

  it('derives the fixed link key without a password', () => {
    expect(toHex(deriveLinkKey(secret))).toBe('c9162d80d2d8bf25923fefd1036f882d426ee6e50f765b875f88c6ffc20aa44c');
  });

  it('mixes a password in with Argon2id at the floor (fixed vector; password, salt and secret all matter)', () => {
    const salt = fixedBytes(16, 9);
    const withPassword = deriveLinkKey(secret, { password: 'correct horse', salt });
    expect(toHex(withPassword)).toBe('12c0a08349b4ca1e31abe529c5e014419e9ae33521fc8642f1e74a2b33bf2a14');
    expect(withPassword).not.toEqual(deriveLinkKey(secret));
    expect(deriveLinkKey(secret, { password: 'correct horsf', salt })).not.toEqual(withPassword);
    expect(deriveLinkKey(fixedBytes(32, 9) as LinkSecret, { password: 'correct horse', salt })).not.toEqual(withPassword);
  });

  it('refuses server-supplied parameters below the floor before doing any work (KDF_DOWNGRADE)', () => {
    const salt = fixedBytes(16, 9);
    const started = performance.now();
    for (const weaker of [
      { opsLimit: LINK_ARGON2_OPSLIMIT - 1 },
      { memLimit: LINK_ARGON2_MEMLIMIT / 2 },
      { opsLimit: 1, memLimit: 8192 },
    ]) {
      expectCryptoError(() => deriveLinkKey(secret, { password: 'pw', salt, ...weaker }), 'KDF_DOWNGRADE');
    }
    expect(performance.now() - started).toBeLessThan(100);
    expectCryptoError(() => deriveLinkKey(secret, { password: 'pw', salt: new Uint8Array(8) }), 'KDF_DOWNGRADE');
    expectCryptoError(() => deriveLinkKey(secret, { password: '', salt }), 'MALFORMED');
  });

  it('assertArgon2Params pins algorithm, floor and ceiling', () => {
    const floor = { opsLimit: LINK_ARGON2_OPSLIMIT, memLimit: LINK_ARGON2_MEMLIMIT };
    expect(() => assertArgon2Params(floor)).not.toThrow();
    expect(() => assertArgon2Params({ ...floor, algorithm: 'argon2id13', salt: new Uint8Array(16) })).not.toThrow();
    expectCryptoError(() => assertArgon2Params({ ...floor, opsLimit: 2 }), 'KDF_DOWNGRADE');
    expectCryptoError(() => assertArgon2Params({ ...floor, memLimit: LINK_ARGON2_MEMLIMIT - 1 }), 'KDF_DOWNGRADE');
    expectCryptoError(() => assertArgon2Params({ ...floor, algorithm: 'argon2i13' as 'argon2id13' }), 'KDF_DOWNGRADE');
    expectCryptoError(() => assertArgon2Params({ ...floor, salt: new Uint8Array(15) }), 'KDF_DOWNGRADE');
    expectCryptoError(() => assertArgon2Params({ ...floor, memLimit: 2 ** 40 }), 'MALFORMED');
    expectCryptoError(() => assertArgon2Params({ ...floor, opsLimit: 1000 }), 'MALFORMED');
    expectCryptoError(() => assertArgon2Params({ ...floor, opsLimit: Number.NaN }), 'MALFORMED');
  });
});
