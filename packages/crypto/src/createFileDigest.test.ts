import { beforeAll, describe, expect, it } from 'vitest';
import { DOMAINS } from './contexts.ts';
import { createFileDigest } from './createFileDigest.ts';
import { domainHash } from './domainHash.ts';
import { initCrypto } from './initCrypto.ts';
import { toHex } from './toHex.ts';
import { utf8Encode } from './utf8Encode.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
import { fixedBytes } from './testing/fixedBytes.ts';

// Computed independently with Python's hashlib:
// blake2b(data, digest_size=32, key=blake2b(b'coffre/file-digest/v1', digest_size=32).digest())
const VECTORS = [
  { name: 'empty', data: new Uint8Array(0), hex: '85c3faa6b1b393e66fa770ed00bde7f64bfcb85e759ad22845d3a0664dd7366d' },
  { name: '"abc"', data: new TextEncoder().encode('abc'), hex: 'bcfdc07e3648885acb89a1511041cd8dac6c8a61f78f7a9ae70a5308c52e35a7' },
  { name: 'fixedBytes(300000, 7)', data: fixedBytes(300_000, 7), hex: 'a278c1908d25ece021fb1160b43eb08875e5a5ae0fb8981f37c7633c66ed5d11' },
];

function digestOf(pieces: Uint8Array[]): string {
  const d = createFileDigest();
  for (const p of pieces) d.update(p);
  return toHex(d.digest());
}

describe('createFileDigest', () => {
  beforeAll(initCrypto);

  it.each(VECTORS)('matches the fixed vector for $name', ({ data, hex }) => {
    expect(digestOf([data])).toBe(hex);
  });

  it('does not depend on where the pieces split, and equals the one-shot domain hash', () => {
    const data = fixedBytes(300_000, 7);
    const oneShot = toHex(domainHash(DOMAINS.fileDigest, data));
    expect(oneShot).toBe(VECTORS[2]!.hex);
    for (const cuts of [[1], [128, 129], [65_536, 131_072, 299_999], [0, 0, 150_000]]) {
      const pieces: Uint8Array[] = [];
      let at = 0;
      for (const cut of cuts) {
        pieces.push(data.subarray(at, cut));
        at = cut;
      }
      pieces.push(data.subarray(at));
      expect(digestOf(pieces), JSON.stringify(cuts)).toBe(oneShot);
    }
  });

  it('changes when one byte, the order or the length changes', () => {
    const data = fixedBytes(10_000, 3);
    const good = digestOf([data]);
    const flipped = data.slice();
    flipped[5_000]! ^= 1;
    expect(digestOf([flipped])).not.toBe(good);
    expect(digestOf([data.subarray(5_000), data.subarray(0, 5_000)])).not.toBe(good);
    expect(digestOf([data.subarray(0, 9_999)])).not.toBe(good);
    expect(digestOf([data, new Uint8Array(1)])).not.toBe(good);
  });

  it('is domain-separated from a plain BLAKE2b-256 and from other domains', () => {
    const data = utf8Encode('abc');
    expect(toHex(domainHash(DOMAINS.envelopeHash, data))).not.toBe(VECTORS[1]!.hex);
    // unkeyed BLAKE2b-256("abc")
    expect(VECTORS[1]!.hex).not.toBe('bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319');
  });

  it('refuses to be used after its digest was taken', () => {
    const d = createFileDigest();
    d.update(utf8Encode('x'));
    d.digest();
    expectCryptoError(() => d.update(utf8Encode('y')), 'MALFORMED');
    expectCryptoError(() => d.digest(), 'MALFORMED');
  });
});
