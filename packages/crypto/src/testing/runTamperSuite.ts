import { expect } from 'vitest';
import type { CryptoErrorCode } from '../CryptoError.ts';
import { expectCryptoError } from './expectCryptoError.ts';

export interface TamperSuite {
  /** the authentic blob */
  genuine: Uint8Array;
  /** another authentic blob of the same kind, for block swaps */
  other: Uint8Array;
  /** the opener under test; must throw a CryptoError on any tampering */
  open: (bytes: Uint8Array) => unknown;
  /** expected code when the first modified byte is at `position` */
  codeAt: (position: number) => CryptoErrorCode;
  /** expected code for a prefix of `length` bytes */
  truncatedCode: (length: number) => CryptoErrorCode;
  /** expected code when bytes are appended */
  extendedCode: CryptoErrorCode;
  /** serialises any state the opener could touch; must be identical before and after */
  snapshot?: () => string;
  /** flip every bit rather than one bit per byte (small blobs only) */
  allBits?: boolean;
}

/**
 * Bit flips at every byte, 16- and 32-byte block swaps with another blob,
 * every truncation, extensions — each must throw the expected code, leave
 * the input and any state unchanged, and the genuine blob must still open.
 */
export function runTamperSuite(suite: TamperSuite): number {
  const { genuine, other, open, codeAt, truncatedCode, extendedCode } = suite;
  const original = genuine.slice();
  const before = suite.snapshot?.();
  let cases = 0;
  const reject = (mutated: Uint8Array, code: CryptoErrorCode) => {
    const copy = mutated.slice();
    expectCryptoError(() => open(mutated), code);
    if (Buffer.compare(mutated, copy) !== 0) expect(mutated, 'the opener modified its input').toEqual(copy);
    cases += 1;
  };

  for (let position = 0; position < genuine.length; position++) {
    const bits = suite.allBits ? [0, 1, 2, 3, 4, 5, 6, 7] : [position % 8];
    for (const bit of bits) {
      const mutated = genuine.slice();
      mutated[position]! ^= 1 << bit;
      reject(mutated, codeAt(position));
    }
  }
  for (const blockBytes of [16, 32]) {
    for (let offset = 0; offset + blockBytes <= Math.min(genuine.length, other.length); offset += 16) {
      const mutated = genuine.slice();
      mutated.set(other.subarray(offset, offset + blockBytes), offset);
      const firstDiff = mutated.findIndex((byte, i) => byte !== genuine[i]);
      if (firstDiff < 0) continue;
      reject(mutated, codeAt(firstDiff));
    }
  }
  for (let length = 0; length < genuine.length; length++) reject(genuine.slice(0, length), truncatedCode(length));
  for (const extra of [Uint8Array.of(0), new Uint8Array(16).fill(0xaa), other]) {
    const mutated = new Uint8Array(genuine.length + extra.length);
    mutated.set(genuine);
    mutated.set(extra, genuine.length);
    reject(mutated, extendedCode);
  }

  expect(genuine).toEqual(original);
  if (suite.snapshot) expect(suite.snapshot()).toBe(before);
  expect(() => open(genuine)).not.toThrow();
  return cases;
}
