import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes } from './concatBytes.ts';
import { constantTimeEqual } from './constantTimeEqual.ts';
import { initCrypto } from './initCrypto.ts';
import { toHex } from './toHex.ts';

describe('byte helpers', () => {
  beforeAll(() => initCrypto());

  it('constantTimeEqual compares content and length', () => {
    expect(constantTimeEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
    expect(constantTimeEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 3))).toBe(true);
    expect(constantTimeEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 4))).toBe(false);
    expect(constantTimeEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2))).toBe(false);
    expect(constantTimeEqual(Uint8Array.of(9, 2, 3), Uint8Array.of(1, 2, 3))).toBe(false);
  });

  it('concatBytes joins in order into a new array', () => {
    const a = Uint8Array.of(1, 2);
    const joined = concatBytes(a, new Uint8Array(0), Uint8Array.of(3));
    expect(joined).toEqual(Uint8Array.of(1, 2, 3));
    joined[0] = 9;
    expect(a[0]).toBe(1);
    expect(concatBytes()).toEqual(new Uint8Array(0));
  });

  it('toHex is lower-case hex', () => {
    expect(toHex(Uint8Array.of(0, 0xab, 0xff))).toBe('00abff');
  });
});
