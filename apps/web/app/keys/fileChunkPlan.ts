import { AEAD_LAYOUT, FILE_CHUNK_SIZE } from '@coffre/crypto';

/** How a file of `size` plaintext bytes is cut: at least one chunk (an empty file seals one empty chunk). */
export function fileChunkPlan(size: number): { chunkCount: number; sealedSize: number } {
  const chunkCount = Math.max(1, Math.ceil(size / FILE_CHUNK_SIZE));
  return { chunkCount, sealedSize: size + chunkCount * AEAD_LAYOUT.overheadBytes };
}

/** Plaintext byte range of chunk `index`. */
export function chunkRange(size: number, index: number): { start: number; end: number } {
  const start = index * FILE_CHUNK_SIZE;
  return { start, end: Math.min(size, start + FILE_CHUNK_SIZE) };
}
