import { beforeAll, describe, expect, it } from 'vitest';
import { decryptChunks } from './decryptChunks.ts';
import { encryptChunk } from './encryptChunk.ts';
import { generateSymmetricKey } from './generateSymmetricKey.ts';
import { initCrypto } from './initCrypto.ts';
import { aeadCodeAt } from './testing/aeadCodeAt.ts';
import { collectChunks } from './testing/collectChunks.ts';
import { expectCryptoErrorAsync } from './testing/expectCryptoErrorAsync.ts';
import { fixedBytes } from './testing/fixedBytes.ts';
import { fromChunks } from './testing/fromChunks.ts';
import type { SymmetricKey } from './types.ts';

interface SealedFile {
  key: SymmetricKey;
  plain: Uint8Array[];
  sealed: Uint8Array[];
}

function sealFile(fileId: string, version: number, count: number, key = generateSymmetricKey()): SealedFile {
  const plain = Array.from({ length: count }, (_, index) => fixedBytes(64 + index, index + version));
  const sealed = plain.map((chunk, index) => encryptChunk(key, { fileId, version, index, isFinal: index === count - 1 }, chunk));
  return { key, plain, sealed };
}

describe('decryptChunks', () => {
  beforeAll(() => initCrypto());
  const meta = (chunkCount: number) => ({ fileId: 'file-1', version: 1, chunkCount });

  it('yields every chunk in order', async () => {
    const file = sealFile('file-1', 1, 4);
    expect(await collectChunks(decryptChunks(file.key, meta(4), fromChunks(file.sealed)))).toEqual(file.plain);
  });

  it('handles a one-chunk (or empty) file', async () => {
    const key = generateSymmetricKey();
    const sealed = encryptChunk(key, { fileId: 'file-1', version: 1, index: 0, isFinal: true }, new Uint8Array(0));
    expect(await collectChunks(decryptChunks(key, meta(1), fromChunks([sealed])))).toEqual([new Uint8Array(0)]);
  });

  it('detects a stream that ends early (CHUNK_TRUNCATED)', async () => {
    const file = sealFile('file-1', 1, 4);
    for (const kept of [0, 1, 3]) {
      await expectCryptoErrorAsync(() => collectChunks(decryptChunks(file.key, meta(4), fromChunks(file.sealed.slice(0, kept)))), 'CHUNK_TRUNCATED');
    }
  });

  it('detects a missing final flag where the count says the file ends (CHUNK_TRUNCATED)', async () => {
    const file = sealFile('file-1', 1, 4);
    await expectCryptoErrorAsync(() => collectChunks(decryptChunks(file.key, meta(3), fromChunks(file.sealed.slice(0, 3)))), 'CHUNK_TRUNCATED');
  });

  it('detects chunks after the final one (CHUNK_EXTENDED)', async () => {
    const file = sealFile('file-1', 1, 3);
    const extra = [...file.sealed, file.sealed[2]!];
    await expectCryptoErrorAsync(() => collectChunks(decryptChunks(file.key, meta(3), fromChunks(extra))), 'CHUNK_EXTENDED');
    // a final chunk before the declared end: the stream would go on after it
    await expectCryptoErrorAsync(() => collectChunks(decryptChunks(file.key, meta(5), fromChunks(file.sealed))), 'CHUNK_EXTENDED');
  });

  it('detects reordered, duplicated, dropped and foreign chunks (DECRYPT_FAILED)', async () => {
    const file = sealFile('file-1', 1, 4);
    const [c0, c1, c2, c3] = file.sealed as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    const otherFile = sealFile('file-2', 1, 4, file.key);
    const otherVersion = sealFile('file-1', 2, 4, file.key);
    for (const stream of [
      [c1, c0, c2, c3],
      [c0, c0, c2, c3],
      [c0, c2, c3],
      [c0, otherFile.sealed[1]!, c2, c3],
      [c0, otherVersion.sealed[1]!, c2, c3],
      [c0, c1, c2, otherVersion.sealed[3]!],
    ]) {
      await expectCryptoErrorAsync(() => collectChunks(decryptChunks(file.key, meta(4), fromChunks(stream))), 'DECRYPT_FAILED');
    }
  });

  it('yields nothing for a chunk that fails, and stops there', async () => {
    const file = sealFile('file-1', 1, 3);
    const corrupted = file.sealed.map((chunk) => chunk.slice());
    corrupted[1]![80]! ^= 1;
    const yielded: Uint8Array[] = [];
    await expectCryptoErrorAsync(async () => {
      for await (const chunk of decryptChunks(file.key, meta(3), fromChunks(corrupted))) yielded.push(chunk);
    }, 'DECRYPT_FAILED');
    expect(yielded).toEqual([file.plain[0]]);
  });

  it('rejects a bit flip at any byte of any chunk with the opener’s code', async () => {
    const file = sealFile('file-1', 1, 3);
    for (let chunk = 0; chunk < 3; chunk++) {
      for (let position = 0; position < file.sealed[chunk]!.length; position += 3) {
        const stream = file.sealed.map((sealed) => sealed.slice());
        stream[chunk]![position]! ^= 1 << position % 8;
        await expectCryptoErrorAsync(() => collectChunks(decryptChunks(file.key, meta(3), fromChunks(stream))), aeadCodeAt(position));
      }
    }
  });

  it('refuses a bad chunk count', async () => {
    const file = sealFile('file-1', 1, 1);
    for (const chunkCount of [0, -1, 1.5]) {
      await expectCryptoErrorAsync(() => collectChunks(decryptChunks(file.key, meta(chunkCount), fromChunks(file.sealed))), 'MALFORMED');
    }
  });
});
