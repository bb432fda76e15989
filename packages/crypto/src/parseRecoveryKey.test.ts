import { beforeAll, describe, expect, it } from 'vitest';
import { BASE32_ALPHABET } from './base32Alphabet.ts';
import { formatRecoveryKey } from './formatRecoveryKey.ts';
import { generateRecoveryKey } from './generateRecoveryKey.ts';
import { initCrypto } from './initCrypto.ts';
import { parseRecoveryKey } from './parseRecoveryKey.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
import { fixedBytes } from './testing/fixedBytes.ts';
import type { RecoveryKey } from './types.ts';

const VECTOR = 'EY18-V653-NTWW-9KYT-WQRF-P1GH-3GKK-4FA8-ADF6-JX3Z-HAAT-1AXP-R765-S0KM';

describe('formatRecoveryKey / parseRecoveryKey', () => {
  const key = fixedBytes(32, 10) as RecoveryKey;
  beforeAll(() => initCrypto());

  it('formats the fixed vector: 14 groups of 4 Crockford base32 characters', () => {
    expect(formatRecoveryKey(key)).toBe(VECTOR);
    expect(parseRecoveryKey(VECTOR)).toEqual(key);
  });

  it('round-trips random keys', () => {
    for (let i = 0; i < 50; i++) {
      const random = generateRecoveryKey();
      expect(parseRecoveryKey(formatRecoveryKey(random))).toEqual(random);
    }
  });

  it('tolerates case, spaces, missing dashes and look-alike letters', () => {
    const compact = VECTOR.replace(/-/g, '');
    for (const variant of [
      VECTOR.toLowerCase(),
      compact,
      VECTOR.replace(/-/g, ' '),
      `  ${compact.match(/.{7}/g)!.join(' - ')}\n`,
      VECTOR.replace(/0/g, 'O').replace(/1/g, 'l'),
      VECTOR.replace(/1/g, 'I').toLowerCase(),
      VECTOR.replace(/-/g, '\u2013'),
    ]) {
      expect(parseRecoveryKey(variant)).toEqual(key);
    }
  });

  it('rejects every single-character substitution', () => {
    const compact = VECTOR.replace(/-/g, '');
    let cases = 0;
    for (let i = 0; i < compact.length; i++) {
      for (const char of BASE32_ALPHABET) {
        if (char === compact[i]) continue;
        expectCryptoError(() => parseRecoveryKey(compact.slice(0, i) + char + compact.slice(i + 1)), 'MALFORMED');
        cases += 1;
      }
    }
    expect(cases).toBe(56 * 31);
  });

  it('rejects adjacent transpositions, truncation, extension and foreign characters', () => {
    const compact = VECTOR.replace(/-/g, '');
    for (let i = 0; i + 1 < compact.length; i++) {
      if (compact[i] === compact[i + 1]) continue;
      const swapped = compact.slice(0, i) + compact[i + 1] + compact[i] + compact.slice(i + 2);
      expectCryptoError(() => parseRecoveryKey(swapped), 'MALFORMED');
    }
    for (let length = 0; length < compact.length; length++) expectCryptoError(() => parseRecoveryKey(compact.slice(0, length)), 'MALFORMED');
    expectCryptoError(() => parseRecoveryKey(compact + '0'), 'MALFORMED');
    expectCryptoError(() => parseRecoveryKey(compact.slice(0, 55) + 'U'), 'MALFORMED');
    expectCryptoError(() => parseRecoveryKey(compact.slice(0, 55) + '*'), 'MALFORMED');
    expectCryptoError(() => parseRecoveryKey(undefined as unknown as string), 'MALFORMED');
  });
});
