import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from './initCrypto.ts';
import { randomBytes } from './randomBytes.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';

describe('randomBytes', () => {
  beforeAll(() => initCrypto());

  it('returns the requested length, including above the 64 KiB getRandomValues limit', () => {
    expect(randomBytes(0)).toHaveLength(0);
    const big = randomBytes(200_000);
    expect(big).toHaveLength(200_000);
    // the tail beyond the first getRandomValues call is filled too
    expect(big.subarray(150_000).some((byte) => byte !== 0)).toBe(true);
  });

  it('does not repeat', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => Buffer.from(randomBytes(16)).toString('hex')));
    expect(seen.size).toBe(1000);
  });

  it('rejects bad lengths', () => {
    for (const length of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expectCryptoError(() => randomBytes(length), 'MALFORMED');
  });
});
