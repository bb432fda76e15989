import { beforeAll, describe, expect, it } from 'vitest';
import type { KdfContext } from './contexts.ts';
import { deriveSubkey } from './deriveSubkey.ts';
import { initCrypto } from './initCrypto.ts';
import { toHex } from './toHex.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
import { fixedBytes } from './testing/fixedBytes.ts';
import type { SymmetricKey } from './types.ts';

describe('deriveSubkey', () => {
  const key = fixedBytes(32, 1) as SymmetricKey;
  beforeAll(() => initCrypto());

  it('matches the fixed vector', () => {
    expect(toHex(deriveSubkey(key, 42, 'keywrap_'))).toBe('2639de99f1c6dea016255338672e45ec22e5c659a9bade886ce687b168fcf27f');
  });

  it('separates subkey ids, contexts and keys', () => {
    const all = [
      deriveSubkey(key, 1, 'keywrap_'),
      deriveSubkey(key, 2, 'keywrap_'),
      deriveSubkey(key, 1, 'commit__'),
      deriveSubkey(fixedBytes(32, 2) as SymmetricKey, 1, 'keywrap_'),
      deriveSubkey(key, 0xffff_ffff, 'keywrap_'),
    ].map(toHex);
    expect(new Set(all).size).toBe(all.length);
  });

  it('refuses bad ids, unregistered contexts and wrong key lengths', () => {
    for (const id of [-1, 1.5, 2 ** 32, Number.NaN]) expectCryptoError(() => deriveSubkey(key, id, 'keywrap_'), 'MALFORMED');
    expectCryptoError(() => deriveSubkey(key, 1, 'unknown_' as KdfContext), 'MALFORMED');
    expectCryptoError(() => deriveSubkey(new Uint8Array(16) as SymmetricKey, 1, 'keywrap_'), 'MALFORMED');
  });
});
