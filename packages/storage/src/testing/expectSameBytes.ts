import { expect } from 'vitest';

/** Byte equality that stays fast for large arrays (deep `toEqual` walks elements one by one). */
export function expectSameBytes(actual: Uint8Array | null | undefined, expected: Uint8Array): void {
  expect(actual).toBeInstanceOf(Uint8Array);
  const a = actual as Uint8Array;
  if (a.byteLength === expected.byteLength && Buffer.compare(a, expected) === 0) return;
  expect({ length: a.byteLength, firstDiff: a.findIndex((v, i) => v !== expected[i]) }).toEqual({
    length: expected.byteLength,
    firstDiff: -1,
  });
}
