import { createFileDigest, decryptChunk, encryptChunk, FILE_CHUNK_SIZE, generateSymmetricKey, initCrypto } from '@coffre/crypto';
import { measurePair } from '../measure.ts';
import type { BenchResult } from '../printResults.ts';

/**
 * What a download does per 4 MiB chunk in the browser: `decryptChunk` then
 * the plaintext digest update (ADR 0015), against `decryptChunk` alone, over
 * `chunks` chunks of one file version.
 */
export async function fileDownloadBench({ chunks }: { chunks: number }): Promise<BenchResult> {
  await initCrypto();
  const key = generateSymmetricKey();
  const fileId = 'bench-file-0000000001';
  const plain = new Uint8Array(FILE_CHUNK_SIZE).map((_, i) => (i * 31) & 0xff);
  const sealed = Array.from({ length: chunks }, (_, index) => encryptChunk(key, { fileId, version: 1, index, isFinal: index === chunks - 1 }, plain));
  const open = (index: number) => decryptChunk(key, { fileId, version: 1, index, isFinal: index === chunks - 1 }, sealed[index]!);

  let hash = createFileDigest();
  const { coffre, baseline } = measurePair(
    chunks,
    (i) => {
      if (i === 0) hash = createFileDigest();
      hash.update(open(i));
      if (i === chunks - 1) hash.digest();
    },
    (i) => void open(i),
  );
  return { name: `file download, per 4 MiB chunk (${chunks} chunks)`, unit: 'µs', baselineName: 'decryptChunk alone', baseline, coffre, target: 1.5 };
}
