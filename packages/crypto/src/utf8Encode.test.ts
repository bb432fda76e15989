import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from './initCrypto.ts';
import { utf8Decode } from './utf8Decode.ts';
import { utf8Encode } from './utf8Encode.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';

describe('utf8Encode / utf8Decode', () => {
  beforeAll(() => initCrypto());

  it('round-trips text including astral characters and a BOM', () => {
    for (const text of ['', 'coffre', 'héllo wörld', '🔐 clé', '\uFEFFbom']) {
      expect(utf8Decode(utf8Encode(text))).toBe(text);
    }
    expect(utf8Encode('é')).toEqual(Uint8Array.of(0xc3, 0xa9));
  });

  it('refuses lone surrogates instead of silently replacing them', () => {
    for (const bad of ['\uD800', 'a\uDC00b', '\uDBFFx']) expectCryptoError(() => utf8Encode(bad), 'MALFORMED');
  });

  it('refuses invalid UTF-8 (overlong, truncated, surrogate code points)', () => {
    for (const bad of [[0xc0, 0x80], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xff]]) {
      expectCryptoError(() => utf8Decode(Uint8Array.from(bad)), 'MALFORMED');
    }
  });
});
