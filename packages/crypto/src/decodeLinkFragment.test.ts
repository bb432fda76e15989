import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes } from './concatBytes.ts';
import { decodeLinkFragment } from './decodeLinkFragment.ts';
import { encodeLinkFragment } from './encodeLinkFragment.ts';
import { fromBase64Url } from './fromBase64Url.ts';
import { generateLinkSecret } from './generateLinkSecret.ts';
import { initCrypto } from './initCrypto.ts';
import { linkFragmentChecksum } from './linkFragmentChecksum.ts';
import { toBase64Url } from './toBase64Url.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
import { fixedBytes } from './testing/fixedBytes.ts';
import type { LinkSecret } from './types.ts';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('encodeLinkFragment / decodeLinkFragment', () => {
  const secret = fixedBytes(32, 8) as LinkSecret;
  beforeAll(() => initCrypto());

  it('encodes the fixed vectors and decodes them, with or without "#"', () => {
    const plain = 'AQAtOENOWWRveoWQm6axvMfS3ejz_gkUHyo1QEtWYWx3gnxwYAo';
    const withPassword = 'AQEtOENOWWRveoWQm6axvMfS3ejz_gkUHyo1QEtWYWx3guXn6zE';
    expect(encodeLinkFragment({ secret, hasPassword: false })).toBe(plain);
    expect(encodeLinkFragment({ secret, hasPassword: true })).toBe(withPassword);
    expect(decodeLinkFragment(plain)).toEqual({ secret, hasPassword: false });
    expect(decodeLinkFragment(`#${withPassword}`)).toEqual({ secret, hasPassword: true });
  });

  it('round-trips random secrets', () => {
    for (let i = 0; i < 20; i++) {
      const link = { secret: generateLinkSecret(), hasPassword: i % 2 === 0 };
      expect(decodeLinkFragment(encodeLinkFragment(link))).toEqual(link);
    }
  });

  it('rejects every bit flip of the decoded bytes', () => {
    const bytes = fromBase64Url(encodeLinkFragment({ secret, hasPassword: true }));
    for (let bit = 0; bit < bytes.length * 8; bit++) {
      const mutated = bytes.slice();
      mutated[bit >> 3]! ^= 1 << (bit & 7);
      expectCryptoError(() => decodeLinkFragment(toBase64Url(mutated)), bit < 8 ? 'UNSUPPORTED_VERSION' : 'MALFORMED');
    }
  });

  it('rejects every single-character change, truncation and extension of the text', () => {
    const text = encodeLinkFragment({ secret, hasPassword: false });
    for (let i = 0; i < text.length; i++) {
      for (const char of BASE64URL) {
        if (char === text[i]) continue;
        expectCryptoError(() => decodeLinkFragment(text.slice(0, i) + char + text.slice(i + 1)), i < 2 ? ['UNSUPPORTED_VERSION', 'MALFORMED'] : 'MALFORMED');
      }
    }
    for (let length = 0; length < text.length; length++) {
      expectCryptoError(() => decodeLinkFragment(text.slice(0, length)), 'MALFORMED');
    }
    for (const suffix of ['A', 'AA', 'AAAA', text]) expectCryptoError(() => decodeLinkFragment(text + suffix), 'MALFORMED');
    for (const bad of ['', '#', '##' + text, text + '=', ` ${text}`]) expectCryptoError(() => decodeLinkFragment(bad), 'MALFORMED');
  });

  it('refuses unknown flags and versions even with a valid checksum', () => {
    const withChecksum = (version: number, flags: number) => {
      const body = concatBytes(Uint8Array.of(version, flags), secret);
      return toBase64Url(concatBytes(body, linkFragmentChecksum(body)));
    };
    expect(decodeLinkFragment(withChecksum(1, 1)).hasPassword).toBe(true);
    expectCryptoError(() => decodeLinkFragment(withChecksum(1, 2)), 'MALFORMED');
    expectCryptoError(() => decodeLinkFragment(withChecksum(1, 0x81)), 'MALFORMED');
    expectCryptoError(() => decodeLinkFragment(withChecksum(2, 0)), 'UNSUPPORTED_VERSION');
  });

  it('refuses a malformed secret when encoding', () => {
    expectCryptoError(() => encodeLinkFragment({ secret: new Uint8Array(16) as LinkSecret, hasPassword: false }), 'MALFORMED');
  });
});
