import { beforeAll, describe, expect, it } from 'vitest';
import { AEAD_LAYOUT } from './aeadLayout.ts';
import { DOMAINS } from './contexts.ts';
import { generateSymmetricKey } from './generateSymmetricKey.ts';
import { initCrypto } from './initCrypto.ts';
import { openAead } from './openAead.ts';
import { sealAead } from './sealAead.ts';
import { sealAeadWithNonce } from './sealAeadWithNonce.ts';
import { toHex } from './toHex.ts';
import { utf8Decode } from './utf8Decode.ts';
import { utf8Encode } from './utf8Encode.ts';
import { aeadCodeAt } from './testing/aeadCodeAt.ts';
import { aeadTruncatedCode } from './testing/aeadTruncatedCode.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
import { fixedBytes } from './testing/fixedBytes.ts';
import { fromHexForTest } from './testing/fromHexForTest.ts';
import { runTamperSuite } from './testing/runTamperSuite.ts';
import type { SymmetricKey } from './types.ts';

const VECTOR =
  '01' +
  '4f5a65707b86919ca7b2bdc8d3dee9f4ff0a15202b36414c' + // nonce
  '544f9c7ef19adc47002189e7c46bd74357017d5b6d60747bf5ee1fb72c2ffc88' + // commitment
  'b2cd14ed0477fba6c8f21898' + // ciphertext of "hello coffre"
  '3e3f35e33c07256b414cd0d7b4247bc9'; // tag

describe('sealAead / openAead', () => {
  const key = fixedBytes(32, 1) as SymmetricKey;
  const fields = { docId: 'doc-1', epoch: 7 };
  beforeAll(() => initCrypto());

  it('produces the fixed vector through the nonce seam, and opens it', () => {
    const sealed = sealAeadWithNonce(key, fixedBytes(24, 2), utf8Encode('hello coffre'), DOMAINS.docUpdate, fields);
    expect(toHex(sealed)).toBe(VECTOR);
    expect(utf8Decode(openAead(key, fromHexForTest(VECTOR), DOMAINS.docUpdate, fields))).toBe('hello coffre');
  });

  it('round-trips with fresh random nonces', () => {
    const a = sealAead(key, utf8Encode('x'), DOMAINS.docUpdate, fields);
    const b = sealAead(key, utf8Encode('x'), DOMAINS.docUpdate, fields);
    expect(a).not.toEqual(b);
    expect(a).toHaveLength(AEAD_LAYOUT.overheadBytes + 1);
    expect(openAead(key, a, DOMAINS.docUpdate, fields)).toEqual(utf8Encode('x'));
    expect(openAead(key, sealAead(key, new Uint8Array(0), DOMAINS.docUpdate, {}), DOMAINS.docUpdate, {})).toEqual(new Uint8Array(0));
  });

  it('rejects every tampering with the expected code and leaves inputs alone', () => {
    const fieldsBefore = { ...fields };
    const cases = runTamperSuite({
      genuine: sealAead(key, utf8Encode('a secret of some length'), DOMAINS.docUpdate, fields),
      other: sealAead(key, utf8Encode('another secret, same key'), DOMAINS.docUpdate, fields),
      open: (bytes) => openAead(key, bytes, DOMAINS.docUpdate, fields),
      codeAt: aeadCodeAt,
      truncatedCode: aeadTruncatedCode,
      extendedCode: 'DECRYPT_FAILED',
      allBits: true,
    });
    expect(cases).toBeGreaterThan(800);
    expect(fields).toEqual(fieldsBefore);
  });

  it('binds the domain and every field', () => {
    const sealed = sealAead(key, utf8Encode('x'), DOMAINS.docUpdate, fields);
    expectCryptoError(() => openAead(key, sealed, DOMAINS.docSnapshot, fields), 'DECRYPT_FAILED');
    expectCryptoError(() => openAead(key, sealed, DOMAINS.docUpdate, { ...fields, epoch: 8 }), 'DECRYPT_FAILED');
    expectCryptoError(() => openAead(key, sealed, DOMAINS.docUpdate, { ...fields, docId: 'doc-2' }), 'DECRYPT_FAILED');
    expectCryptoError(() => openAead(key, sealed, DOMAINS.docUpdate, { docId: 'doc-1' }), 'DECRYPT_FAILED');
    expectCryptoError(() => openAead(key, sealed, DOMAINS.docUpdate, { ...fields, extra: true }), 'DECRYPT_FAILED');
  });

  it('refuses another key by commitment before trying to decrypt', () => {
    const sealed = sealAead(key, utf8Encode('x'), DOMAINS.docUpdate, fields);
    expectCryptoError(() => openAead(generateSymmetricKey(), sealed, DOMAINS.docUpdate, fields), 'COMMITMENT_MISMATCH');
  });

  it('refuses a ciphertext under key B carrying key A’s commitment (no partitioning oracle)', () => {
    const keyB = generateSymmetricKey();
    const nonce = fixedBytes(24, 5);
    const underA = sealAeadWithNonce(key, nonce, utf8Encode('x'), DOMAINS.docUpdate, fields);
    const underB = sealAeadWithNonce(keyB, nonce, utf8Encode('x'), DOMAINS.docUpdate, fields);
    const spliced = underB.slice();
    spliced.set(underA.subarray(25, 57), 25);
    expectCryptoError(() => openAead(keyB, spliced, DOMAINS.docUpdate, fields), 'COMMITMENT_MISMATCH');
    expectCryptoError(() => openAead(key, spliced, DOMAINS.docUpdate, fields), 'DECRYPT_FAILED');
  });

  it('refuses unknown versions and short input', () => {
    const sealed = sealAead(key, utf8Encode('x'), DOMAINS.docUpdate, fields);
    for (const version of [0, 2, 255]) {
      const other = sealed.slice();
      other[0] = version;
      expectCryptoError(() => openAead(key, other, DOMAINS.docUpdate, fields), 'UNSUPPORTED_VERSION');
    }
    expectCryptoError(() => openAead(key, new Uint8Array(0), DOMAINS.docUpdate, fields), 'MALFORMED');
    expectCryptoError(() => openAead(key, sealed.subarray(0, 72), DOMAINS.docUpdate, fields), 'MALFORMED');
  });

  it('refuses malformed keys and nonces', () => {
    expectCryptoError(() => sealAead(new Uint8Array(16) as SymmetricKey, utf8Encode('x'), DOMAINS.docUpdate, {}), 'MALFORMED');
    expectCryptoError(() => sealAeadWithNonce(key, new Uint8Array(12), utf8Encode('x'), DOMAINS.docUpdate, {}), 'MALFORMED');
    const sealed = sealAead(key, utf8Encode('x'), DOMAINS.docUpdate, {});
    expectCryptoError(() => openAead(new Uint8Array(31) as SymmetricKey, sealed, DOMAINS.docUpdate, {}), 'MALFORMED');
  });
});
