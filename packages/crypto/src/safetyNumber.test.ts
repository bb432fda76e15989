import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from './fingerprint.ts';
import { generateIdentity } from './generateIdentity.ts';
import { generateSigningKeyPair } from './generateSigningKeyPair.ts';
import { initCrypto } from './initCrypto.ts';
import { safetyNumber } from './safetyNumber.ts';
import { WORDLIST } from './wordlist.ts';
import { buildIdentity } from './testing/buildIdentity.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
import type { SigningPublicKey } from './types.ts';

describe('fingerprint / safetyNumber', () => {
  beforeAll(() => initCrypto());

  it('has 256 distinct short lower-case words', () => {
    expect(WORDLIST).toHaveLength(256);
    expect(new Set(WORDLIST).size).toBe(256);
    for (const word of WORDLIST) expect(word).toMatch(/^[a-z]{3,6}$/);
  });

  it('formats the fixed fingerprint as 16 groups of 4 hex digits', () => {
    const alice = buildIdentity(5);
    const bundle = { signingPublicKey: alice.signing.publicKey, boxPublicKey: alice.box.publicKey };
    expect(fingerprint(bundle)).toBe('5593 85c6 c277 b833 7ade 7d18 d0ad bcc1 c045 52ee 1e6d 6b3c 3d79 abd2 0c3d 0497');
    const other = generateIdentity();
    expect(fingerprint({ ...bundle, boxPublicKey: other.box.publicKey })).not.toBe(fingerprint(bundle));
    expect(fingerprint({ ...bundle, signingPublicKey: other.signing.publicKey })).not.toBe(fingerprint(bundle));
  });

  it('gives the fixed words, the same on both sides', () => {
    const a = buildIdentity(5).signing.publicKey;
    const b = buildIdentity(6).signing.publicKey;
    const words = ['bridge', 'album', 'carpet', 'nest', 'storm', 'jam', 'kayak', 'mirror', 'snail', 'harbor', 'violin', 'needle'];
    expect(safetyNumber(a, b)).toEqual(words);
    expect(safetyNumber(b, a)).toEqual(words);
  });

  it('changes when the server substitutes either key', () => {
    for (let i = 0; i < 20; i++) {
      const a = generateSigningKeyPair().publicKey;
      const b = generateSigningKeyPair().publicKey;
      const substitute = generateSigningKeyPair().publicKey;
      expect(safetyNumber(a, b)).toEqual(safetyNumber(b, a));
      expect(safetyNumber(a, substitute)).not.toEqual(safetyNumber(a, b));
      expect(safetyNumber(substitute, b)).not.toEqual(safetyNumber(a, b));
      const flipped = b.slice() as SigningPublicKey;
      flipped[31]! ^= 1;
      expect(safetyNumber(a, flipped)).not.toEqual(safetyNumber(a, b));
    }
  });

  it('refuses keys of the wrong length', () => {
    const a = generateSigningKeyPair().publicKey;
    expectCryptoError(() => safetyNumber(a, new Uint8Array(31) as SigningPublicKey), 'MALFORMED');
  });
});
