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

  it('rejects anything but canonical unpadded base64url', () => {
    for (const bad of ['Zg==', 'Zm9v+', 'Zm9v/', ' Zm9v', 'Zm9v\n', 'Z', 'Zh', 'Zm9=', 'Zm.v', 'é']) {
      expectCryptoError(() => fromBase64Url(bad), 'MALFORMED');
    }
    expectCryptoError(() => fromBase64Url(undefined as unknown as string), 'MALFORMED');
  });
});
