import { beforeAll, describe, expect, it } from 'vitest';
import { WRAP_DOMAINS, type WrapPurpose } from './contexts.ts';
import { generateSymmetricKey } from './generateSymmetricKey.ts';
import { initCrypto } from './initCrypto.ts';
import { sealAead } from './sealAead.ts';
import { sealAeadWithNonce } from './sealAeadWithNonce.ts';
import { toHex } from './toHex.ts';
import { unwrapKey } from './unwrapKey.ts';
import { wrapKey } from './wrapKey.ts';
import { aeadCodeAt } from './testing/aeadCodeAt.ts';
import { aeadTruncatedCode } from './testing/aeadTruncatedCode.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
import { fixedBytes } from './testing/fixedBytes.ts';
import { fromHexForTest } from './testing/fromHexForTest.ts';
import { runTamperSuite } from './testing/runTamperSuite.ts';
import type { SymmetricKey } from './types.ts';

const VECTOR =
  '01' +
  '4f5a65707b86919ca7b2bdc8d3dee9f4ff0a15202b36414c' +
  '544f9c7ef19adc47002189e7c46bd74357017d5b6d60747bf5ee1fb72c2ffc88' +
  '430cd73bae87432f5f686defab07052f18c9e0ab5be83fa10b43ad529480702b' +
  'b1f52ab4e68122588abcc311ae32c823';

describe('wrapKey / unwrapKey', () => {
  const wrappingKey = fixedBytes(32, 1) as SymmetricKey;
  const slot = { itemId: 'item-1', epoch: 3 };
  beforeAll(() => initCrypto());

  it('opens the fixed vector', () => {
    const vector = sealAeadWithNonce(wrappingKey, fixedBytes(24, 2), fixedBytes(32, 4), WRAP_DOMAINS['item-key'], slot);
    expect(toHex(vector)).toBe(VECTOR);
    expect(unwrapKey(wrappingKey, fromHexForTest(VECTOR), 'item-key', slot)).toEqual(fixedBytes(32, 4));
  });

  it('round-trips for every purpose', () => {
    const key = generateSymmetricKey();
    for (const purpose of Object.keys(WRAP_DOMAINS) as WrapPurpose[]) {
      expect(unwrapKey(wrappingKey, wrapKey(wrappingKey, key, purpose, slot), purpose, slot)).toEqual(key);
    }
  });

  it('rejects every tampering (bit flips, block swaps with another wrapped key, truncation, extension)', () => {
    runTamperSuite({
      genuine: wrapKey(wrappingKey, generateSymmetricKey(), 'item-key', slot),
      other: wrapKey(wrappingKey, generateSymmetricKey(), 'item-key', slot),
      open: (bytes) => unwrapKey(wrappingKey, bytes, 'item-key', slot),
      codeAt: aeadCodeAt,
      truncatedCode: aeadTruncatedCode,
      extendedCode: 'DECRYPT_FAILED',
      allBits: true,
    });
  });

  it('refuses transplants to another purpose, slot or wrapping key', () => {
    const wrapped = wrapKey(wrappingKey, generateSymmetricKey(), 'item-key', slot);
    expectCryptoError(() => unwrapKey(wrappingKey, wrapped, 'file-key', slot), 'DECRYPT_FAILED');
    expectCryptoError(() => unwrapKey(wrappingKey, wrapped, 'master-key-password', slot), 'DECRYPT_FAILED');
    expectCryptoError(() => unwrapKey(wrappingKey, wrapped, 'item-key', { ...slot, itemId: 'item-2' }), 'DECRYPT_FAILED');
    expectCryptoError(() => unwrapKey(wrappingKey, wrapped, 'item-key', { ...slot, epoch: 2 }), 'DECRYPT_FAILED');
    expectCryptoError(() => unwrapKey(generateSymmetricKey(), wrapped, 'item-key', slot), 'COMMITMENT_MISMATCH');
  });

  it('refuses authentic content that is not a 32-byte key, and bad inputs', () => {
    const short = sealAead(wrappingKey, new Uint8Array(16), WRAP_DOMAINS['item-key'], slot);
    expectCryptoError(() => unwrapKey(wrappingKey, short, 'item-key', slot), 'MALFORMED');
    expectCryptoError(() => wrapKey(wrappingKey, new Uint8Array(16) as SymmetricKey, 'item-key', slot), 'MALFORMED');
    expectCryptoError(() => wrapKey(wrappingKey, generateSymmetricKey(), 'made-up' as WrapPurpose, slot), 'MALFORMED');
  });
});
