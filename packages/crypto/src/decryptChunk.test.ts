import { beforeAll, describe, expect, it } from 'vitest';
import { DOMAINS } from './contexts.ts';
import { decryptChunk } from './decryptChunk.ts';
import { encryptChunk } from './encryptChunk.ts';
import { fileChunkFields } from './fileChunkFields.ts';
import { generateSymmetricKey } from './generateSymmetricKey.ts';
import { initCrypto } from './initCrypto.ts';
import { FILE_CHUNK_SIZE } from './limits.ts';
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
import { snapshotOf } from './testing/snapshotOf.ts';
import type { SymmetricKey } from './types.ts';

const VECTOR =
  '01' +
  '4f5a65707b86919ca7b2bdc8d3dee9f4ff0a15202b36414c' +
  '544f9c7ef19adc47002189e7c46bd74357017d5b6d60747bf5ee1fb72c2ffc88' +
  'b9c00def0077e2acdcfb' + // "chunk zero"
  'c9718fbd072f07ac44e66a738a05ffbb';

describe('encryptChunk / decryptChunk', () => {
  const fileKey = fixedBytes(32, 1) as SymmetricKey;
  const at = { fileId: 'file-1', version: 2, index: 0, isFinal: true };
  beforeAll(() => initCrypto());

  it('opens the fixed vector', () => {
    const vector = sealAeadWithNonce(fileKey, fixedBytes(24, 2), utf8Encode('chunk zero'), DOMAINS.fileChunk, fileChunkFields(at));
    expect(toHex(vector)).toBe(VECTOR);
    expect(utf8Decode(decryptChunk(fileKey, at, fromHexForTest(VECTOR)))).toBe('chunk zero');
  });

  it('rejects every tampering and leaves the position object untouched', () => {
    const key = generateSymmetricKey();
    const position = { fileId: 'file-1', version: 2, index: 5, isFinal: false };
    runTamperSuite({
      genuine: encryptChunk(key, position, fixedBytes(100, 1)),
      other: encryptChunk(key, position, fixedBytes(100, 2)),
      open: (bytes) => decryptChunk(key, position, bytes),
      codeAt: aeadCodeAt,
      truncatedCode: aeadTruncatedCode,
      extendedCode: 'DECRYPT_FAILED',
      snapshot: () => snapshotOf(position),
    });
  });

  it('refuses a chunk moved to another index, file, version or finality', () => {
    const key = generateSymmetricKey();
    const position = { fileId: 'file-1', version: 2, index: 5, isFinal: false };
    const sealed = encryptChunk(key, position, utf8Encode('data'));
    for (const moved of [{ index: 4 }, { index: 6 }, { fileId: 'file-2' }, { version: 1 }, { version: 3 }, { isFinal: true }]) {
      expectCryptoError(() => decryptChunk(key, { ...position, ...moved }, sealed), 'DECRYPT_FAILED');
    }
    expectCryptoError(() => decryptChunk(generateSymmetricKey(), position, sealed), 'COMMITMENT_MISMATCH');
    // a generic AEAD blob with the same fields but another domain is not a chunk
    const notAChunk = sealAead(key, utf8Encode('data'), DOMAINS.docUpdate, fileChunkFields(position));
    expectCryptoError(() => decryptChunk(key, position, notAChunk), 'DECRYPT_FAILED');
  });

  it('enforces FILE_CHUNK_SIZE (4 MiB)', () => {
    expect(FILE_CHUNK_SIZE).toBe(4 * 1024 * 1024);
    const key = generateSymmetricKey();
    const full = encryptChunk(key, at, new Uint8Array(FILE_CHUNK_SIZE));
    expect(decryptChunk(key, at, full)).toHaveLength(FILE_CHUNK_SIZE);
    expectCryptoError(() => encryptChunk(key, at, new Uint8Array(FILE_CHUNK_SIZE + 1)), 'MALFORMED');
    expectCryptoError(() => decryptChunk(key, at, new Uint8Array(FILE_CHUNK_SIZE + 74)), 'MALFORMED');
    expectCryptoError(() => encryptChunk(key, { ...at, index: -1 }, new Uint8Array(1)), 'MALFORMED');
    expectCryptoError(() => encryptChunk(key, { ...at, isFinal: 'yes' as unknown as boolean }, new Uint8Array(1)), 'MALFORMED');
  });
});
