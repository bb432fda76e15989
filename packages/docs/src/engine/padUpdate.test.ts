import '../testing/failOnConsoleError.ts';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../testing/createRandom.ts';
import { expectDocError } from '../testing/expectDocError.ts';
import { padUpdate, paddedLength, unpadPart, unpadUpdate } from './padUpdate.ts';

const KIB = 1024;

describe('paddedLength', () => {
  it('rounds length + 4 up to 256-byte buckets up to 64 KiB, then 4 KiB buckets', () => {
    expect(paddedLength(1)).toBe(256);
    expect(paddedLength(252)).toBe(256);
    expect(paddedLength(253)).toBe(512);
    expect(paddedLength(508)).toBe(512);
    expect(paddedLength(509)).toBe(768);
    expect(paddedLength(64 * KIB - 4)).toBe(64 * KIB);
    expect(paddedLength(64 * KIB - 3)).toBe(68 * KIB);
    expect(paddedLength(68 * KIB - 4)).toBe(68 * KIB);
    expect(paddedLength(68 * KIB - 3)).toBe(72 * KIB);
    expect(paddedLength(2 * KIB * KIB)).toBe(2 * KIB * KIB + 4 * KIB);
  });

  it('is monotonic, always leaves room for the prefix, and only produces bucket sizes', () => {
    let previous = 0;
    for (let n = 1; n < 70 * KIB; n += 1 + (n >> 6)) {
      const padded = paddedLength(n);
      expect(padded).toBeGreaterThanOrEqual(n + 4);
      expect(padded).toBeGreaterThanOrEqual(previous);
      expect(padded % (padded <= 64 * KIB ? 256 : 4096)).toBe(0);
      previous = padded;
    }
  });
});

describe('padUpdate / unpadUpdate', () => {
  it('round-trips updates of many lengths, seeded', () => {
    const random = createRandom(101);
    for (const n of [1, 2, 251, 252, 253, 4096, 64 * KIB - 4, 64 * KIB - 3, 100_000, ...Array.from({ length: 40 }, () => 1 + random.int(5000))]) {
      const update = random.bytes(n);
      const padded = padUpdate(update);
      expect(padded.length, `n=${n} seed=${random.seed}`).toBe(paddedLength(n));
      expect(new DataView(padded.buffer).getUint32(0)).toBe(n);
      expect(padded.subarray(4 + n).some((b) => b !== 0)).toBe(false);
      expect(Buffer.compare(unpadUpdate(padded), update), `n=${n} seed=${random.seed}`).toBe(0);
    }
  });

  it('hides the exact size: every length within a bucket pads to the same size', () => {
    const sizes = new Set(Array.from({ length: 252 }, (_, i) => padUpdate(new Uint8Array(i + 1).fill(7)).length));
    expect([...sizes]).toEqual([256]);
  });

  it('returns a copy, and reads the prefix at the view’s own offset', () => {
    const padded = padUpdate(Uint8Array.of(1, 2, 3));
    const framed = new Uint8Array(padded.length + 10);
    framed.set(padded, 7);
    const view = framed.subarray(7, 7 + padded.length);
    const out = unpadUpdate(view);
    expect(out).toEqual(Uint8Array.of(1, 2, 3));
    out[0] = 99;
    expect(view[4]).toBe(1);
  });

  it('refuses any non-zero padding byte', () => {
    const padded = padUpdate(Uint8Array.of(5, 6, 7));
    for (let i = 4 + 3; i < padded.length; i++) {
      for (const value of [1, 0x80, 0xff]) {
        const bad = padded.slice();
        bad[i] = value;
        expectDocError(() => unpadUpdate(bad), 'ENVELOPE_MALFORMED', `byte ${i} = ${value}`);
      }
    }
  });

  it('refuses bad lengths: too short for the prefix, zero, past the end', () => {
    for (const short of [new Uint8Array(0), Uint8Array.of(0), Uint8Array.of(0, 0, 1)]) expectDocError(() => unpadUpdate(short), 'ENVELOPE_MALFORMED');
    const padded = padUpdate(Uint8Array.of(5, 6, 7));
    const setLength = (n: number) => {
      const bad = padded.slice();
      new DataView(bad.buffer).setUint32(0, n);
      return bad;
    };
    expectDocError(() => unpadUpdate(setLength(0)), 'ENVELOPE_MALFORMED');
    expectDocError(() => unpadUpdate(setLength(padded.length - 3)), 'ENVELOPE_MALFORMED');
    expectDocError(() => unpadUpdate(setLength(0xffffffff)), 'ENVELOPE_MALFORMED');
    expect(unpadUpdate(setLength(padded.length - 4))).toHaveLength(padded.length - 4); // the largest length that fits
    // a shorter length makes the real update bytes count as padding, which is not zero
    expectDocError(() => unpadUpdate(setLength(2)), 'ENVELOPE_MALFORMED');
  });

  it('carries the "more parts follow" flag in the length word, and a whole payload refuses a part', () => {
    const update = Uint8Array.of(5, 6, 7);
    const part = padUpdate(update, { more: true });
    expect(part.length).toBe(padUpdate(update).length);
    expect(unpadPart(part)).toEqual({ update, more: true });
    expect(unpadPart(padUpdate(update))).toEqual({ update, more: false });
    expectDocError(() => unpadUpdate(part), 'ENVELOPE_MALFORMED');
    // the flag never widens the length: a part still fails a length past the end
    const bad = part.slice();
    new DataView(bad.buffer).setUint32(0, 0x8000_0000 | part.length);
    expectDocError(() => unpadPart(bad), 'ENVELOPE_MALFORMED');
  });
});
