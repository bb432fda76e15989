import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url } from './fromBase64Url.ts';
import { initCrypto } from './initCrypto.ts';
import { toBase64Url } from './toBase64Url.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';

describe('toBase64Url / fromBase64Url', () => {
  beforeAll(() => initCrypto());

  it('encodes RFC 4648 vectors without padding, url-safe', () => {
    const cases: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of cases) {
      expect(toBase64Url(new TextEncoder().encode(plain))).toBe(encoded);
      expect(new TextDecoder().decode(fromBase64Url(encoded))).toBe(plain);
    }
    expect(toBase64Url(Uint8Array.of(0xfb, 0xff, 0xbf))).toBe('-_-_');
  });

  it('round-trips every length', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length) & 0xff);
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    }
  });

  it('decodes what Node’s own decoder decodes, for every byte value and length', () => {
    for (let length = 0; length < 300; length += 7) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 131 + length * 7) & 0xff);
      const text = Buffer.from(bytes).toString('base64url');
      expect(fromBase64Url(text)).toEqual(new Uint8Array(Buffer.from(text, 'base64url')));
    }
  });

  it('rejects anything but canonical unpadded base64url', () => {
    // 'Zh' and 'Zm9' set bits past the last byte ('Zg', 'Zm8' are the canonical forms); 'Āg' is a character past ASCII.
    for (const bad of ['Zg==', 'Zm9v+', 'Zm9v/', ' Zm9v', 'Zm9v\n', 'Z', 'Zh', 'Zm9', 'Zm9vZm9', 'Zm9=', 'Zm.v', 'é', 'Zm9vĀg', 'Zm9vYmFyĀ===']) {
      expectCryptoError(() => fromBase64Url(bad), 'MALFORMED');
    }
    expectCryptoError(() => fromBase64Url(undefined as unknown as string), 'MALFORMED');
  });
});
