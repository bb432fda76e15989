import { beforeAll, describe, expect, it } from 'vitest';
import { DOMAINS, type Domain } from './contexts.ts';
import { encodeAad } from './encodeAad.ts';
import { initCrypto } from './initCrypto.ts';
import { toHex } from './toHex.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
import { fixedBytes } from './testing/fixedBytes.ts';

describe('encodeAad', () => {
  beforeAll(() => initCrypto());

  it('matches the fixed vector', () => {
    const fields = { docId: 'doc-1', epoch: 7, author: fixedBytes(4, 3), isSnapshot: false };
    expect(toHex(encodeAad(DOMAINS.docUpdate, fields))).toBe(
      '01' + // format version
        '0014' + '636f666672652f646f632d7570646174652f7631' + // "coffre/doc-update/v1"
        '0004' + // four fields, sorted by name
        '06' + '617574686f72' + '01' + '00000004' + '747f8a95' + // author: bytes
        '05' + '646f634964' + '02' + '00000005' + '646f632d31' + // docId: string
        '05' + '65706f6368' + '03' + '00000008' + '0000000000000007' + // epoch: u64
        '0a' + '6973536e617073686f74' + '04' + '00000001' + '00', // isSnapshot: bool
    );
  });

  it('does not depend on property order', () => {
    expect(encodeAad(DOMAINS.docUpdate, { a: 1, b: 'x' })).toEqual(encodeAad(DOMAINS.docUpdate, { b: 'x', a: 1 }));
  });

  it('gives different bytes for different domains, names, types and values', () => {
    const variants = [
      encodeAad(DOMAINS.docUpdate, {}),
      encodeAad(DOMAINS.docSnapshot, {}),
      encodeAad(DOMAINS.docUpdate, { v: 1 }),
      encodeAad(DOMAINS.docUpdate, { v: '1' }),
      encodeAad(DOMAINS.docUpdate, { v: true }),
      encodeAad(DOMAINS.docUpdate, { v: Uint8Array.of(1) }),
      encodeAad(DOMAINS.docUpdate, { w: 1 }),
      encodeAad(DOMAINS.docUpdate, { v: 2 }),
      encodeAad(DOMAINS.docUpdate, { v: 'ab', w: 'c' }),
      encodeAad(DOMAINS.docUpdate, { v: 'a', w: 'bc' }),
    ].map(toHex);
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('encodes the largest safe integer as u64 big-endian', () => {
    expect(toHex(encodeAad(DOMAINS.docUpdate, { n: Number.MAX_SAFE_INTEGER })).slice(-16)).toBe('001fffffffffffff');
  });

  it('refuses numbers that are not safe non-negative integers', () => {
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1]) {
      expectCryptoError(() => encodeAad(DOMAINS.docUpdate, { n }), 'MALFORMED');
    }
  });

  it('refuses bad field names, values and unregistered domains', () => {
    for (const name of ['', '1a', 'a-b', 'é', '__proto__x', 'a'.repeat(65)]) {
      expectCryptoError(() => encodeAad(DOMAINS.docUpdate, { [name]: 1 }), 'MALFORMED');
    }
    expectCryptoError(() => encodeAad(DOMAINS.docUpdate, { v: null as unknown as string }), 'MALFORMED');
    expectCryptoError(() => encodeAad(DOMAINS.docUpdate, { v: {} as unknown as string }), 'MALFORMED');
    expectCryptoError(() => encodeAad(DOMAINS.docUpdate, { v: '\uD800' }), 'MALFORMED');
    expectCryptoError(() => encodeAad('coffre/made-up/v1' as Domain, {}), 'MALFORMED');
  });

  it('encodes non-ASCII strings as UTF-8, and refuses a lone surrogate after ASCII text', () => {
    expect(toHex(encodeAad(DOMAINS.docUpdate, { t: 'é😀' })).slice(-26)).toBe('01' + '74' + '02' + '00000006' + 'c3a9' + 'f09f9880');
    expectCryptoError(() => encodeAad(DOMAINS.docUpdate, { t: 'abc\uDC00' }), 'MALFORMED');
  });

  it('equals a field-by-field reference encoding on random fields', () => {
    const pick = (n: number) => Math.floor(Math.random() * n);
    const values = [() => pick(2 ** 32), () => Number.MAX_SAFE_INTEGER - pick(2 ** 40), () => 'ascii-' + pick(1e6), () => 'ünï' + String.fromCodePoint(0x1f600 + pick(50)), () => '', () => pick(2) === 1, () => fixedBytes(pick(40), pick(255))];
    for (let round = 0; round < 200; round++) {
      const fields: Record<string, string | number | boolean | Uint8Array> = {};
      for (let i = pick(6); i > 0; i--) fields[`f${pick(20)}x${i}`] = values[pick(values.length)]!();
      expect(toHex(encodeAad(DOMAINS.chatRecord, fields))).toBe(toHex(referenceAad(DOMAINS.chatRecord, fields)));
    }
  });
});

/** The format written the plain way (one array per part, DataView, BigInt): what encodeAad must equal. */
function referenceAad(domain: string, fields: Record<string, string | number | boolean | Uint8Array>): Uint8Array {
  const parts: number[] = [];
  const u = (n: number, bytes: number) => {
    for (let i = bytes - 1; i >= 0; i--) parts.push(Number((BigInt(n) >> BigInt(8 * i)) & 0xffn));
  };
  const d = new TextEncoder().encode(domain);
  parts.push(1);
  u(d.length, 2);
  parts.push(...d);
  const names = Object.keys(fields).sort();
  u(names.length, 2);
  for (const name of names) {
    const v = fields[name]!;
    const [tag, bytes] =
      v instanceof Uint8Array ? [1, [...v]] : typeof v === 'string' ? [2, [...new TextEncoder().encode(v)]] : typeof v === 'number' ? [3, [...new Uint8Array(new BigUint64Array([BigInt(v)]).buffer)].reverse()] : [4, [v ? 1 : 0]];
    parts.push(name.length, ...new TextEncoder().encode(name), tag);
    u(bytes.length, 4);
    parts.push(...bytes);
  }
  return Uint8Array.from(parts);
}
