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

  it('fills every byte of small and scratch-sized requests, and each result is its own array', () => {
    for (const length of [1, 24, 32, 64, 255, 256, 257]) {
      const a = randomBytes(length);
      const b = randomBytes(length);
      expect(a).toHaveLength(length);
      expect(a.buffer).not.toBe(b.buffer);
      if (length >= 24) expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
      // no byte position stuck at zero across many draws
      const seenNonZero = new Uint8Array(length);
      for (let i = 0; i < 64; i++) randomBytes(length).forEach((byte, at) => (seenNonZero[at] ||= byte));
      expect(seenNonZero.every((byte) => byte !== 0)).toBe(true);
    }
  });

  it('rejects bad lengths', () => {
    for (const length of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expectCryptoError(() => randomBytes(length), 'MALFORMED');
  });
});
