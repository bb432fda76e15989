import { beforeAll, describe, expect, it } from 'vitest';
import { DOMAINS } from './contexts.ts';
import { decodeAad } from './decodeAad.ts';
import { encodeAad } from './encodeAad.ts';
import { initCrypto } from './initCrypto.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';

const SCHEMA = { name: 'string', count: 'number', blob: 'bytes', flag: 'boolean' } as const;
const VALUES = { name: 'héllo', count: 42, blob: Uint8Array.of(1, 2, 3), flag: true };

describe('decodeAad', () => {
  beforeAll(() => initCrypto());

  it('inverts encodeAad', () => {
    expect(decodeAad(DOMAINS.docUpdate, encodeAad(DOMAINS.docUpdate, VALUES), SCHEMA)).toEqual(VALUES);
  });

  it('accepts only bytes that re-encode identically (every bit flip is rejected or re-encodes to itself)', () => {
    const genuine = encodeAad(DOMAINS.docUpdate, VALUES);
    for (let bit = 0; bit < genuine.length * 8; bit++) {
      const mutated = genuine.slice();
      mutated[bit >> 3]! ^= 1 << (bit & 7);
      let decoded: ReturnType<typeof decodeAad<typeof SCHEMA>> | undefined;
      try {
        decoded = decodeAad(DOMAINS.docUpdate, mutated, SCHEMA);
      } catch (error) {
        expect((error as { code: string }).code).toBe('MALFORMED');
        continue;
      }
      expect(encodeAad(DOMAINS.docUpdate, decoded)).toEqual(mutated);
    }
  });

  it('refuses another domain, schema, trailing or missing bytes', () => {
    const genuine = encodeAad(DOMAINS.docUpdate, VALUES);
    expectCryptoError(() => decodeAad(DOMAINS.docSnapshot, genuine, SCHEMA), 'MALFORMED');
    expectCryptoError(() => decodeAad(DOMAINS.docUpdate, genuine, { ...SCHEMA, flag: 'number' }), 'MALFORMED');
    expectCryptoError(() => decodeAad(DOMAINS.docUpdate, genuine, { ...SCHEMA, extra: 'string' }), 'MALFORMED');
    expectCryptoError(() => decodeAad(DOMAINS.docUpdate, Uint8Array.of(...genuine, 0), SCHEMA), 'MALFORMED');
    for (let length = 0; length < genuine.length; length++) {
      expectCryptoError(() => decodeAad(DOMAINS.docUpdate, genuine.subarray(0, length), SCHEMA), 'MALFORMED');
    }
  });

  it('refuses integers above 2^53 - 1 and booleans other than 0/1', () => {
    const big = encodeAad(DOMAINS.docUpdate, { n: 0 });
    big.set([0x00, 0x20, 0, 0, 0, 0, 0, 0], big.length - 8);
    expectCryptoError(() => decodeAad(DOMAINS.docUpdate, big, { n: 'number' }), 'MALFORMED');
    const bool = encodeAad(DOMAINS.docUpdate, { b: true });
    bool[bool.length - 1] = 2;
    expectCryptoError(() => decodeAad(DOMAINS.docUpdate, bool, { b: 'boolean' }), 'MALFORMED');
  });
});
