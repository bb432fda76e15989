import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileDigest, encryptChunk, FILE_CHUNK_SIZE, generateSymmetricKey, initCrypto, toBase64Url, type SymmetricKey } from '@coffre/crypto';
import { decryptedChunks } from './decryptedChunks.client.ts';
import type { DownloadSource } from './downloadFile.client.ts';
import { FileIntegrityError } from './FileIntegrityError.ts';

/** Sealed chunks as the server keeps them, served by a stand-in for the chunk GET route. */
const served = new Map<string, Uint8Array>();
const FILE_ID = 'digestFile0123456789ab';

function plaintext(bytes: number): Uint8Array {
  return Uint8Array.from({ length: bytes }, (_, i) => (i * 7 + 3) & 0xff);
}

/** Seals `plain` as version 1 of FILE_ID the way an upload does; returns its source with the right digest. */
function upload(key: SymmetricKey, plain: Uint8Array): DownloadSource {
  const chunkCount = Math.max(1, Math.ceil(plain.length / FILE_CHUNK_SIZE));
  for (let index = 0; index < chunkCount; index++) {
    const part = plain.subarray(index * FILE_CHUNK_SIZE, (index + 1) * FILE_CHUNK_SIZE);
    served.set(`/api/files/${FILE_ID}/versions/1/chunks/${index}`, encryptChunk(key, { fileId: FILE_ID, version: 1, index, isFinal: index === chunkCount - 1 }, part));
  }
  const hash = createFileDigest();
  hash.update(plain);
  return { fileId: FILE_ID, version: 1, chunkCount, key, mime: 'application/octet-stream', digest: toBase64Url(hash.digest()) };
}

/** What a consumer got before the stream ended or threw. */
async function consume(src: DownloadSource): Promise<{ got: Uint8Array[]; error: unknown }> {
  const got: Uint8Array[] = [];
  try {
    for await (const c of decryptedChunks(src)) got.push(c);
    return { got, error: null };
  } catch (error) {
    return { got, error };
  }
}

describe('decryptedChunks', () => {
  beforeAll(() => initCrypto());
  beforeEach(() => {
    vi.stubGlobal('fetch', async (url: string) => {
      const body = served.get(url);
      return body ? new Response(body as BlobPart) : new Response('{}', { status: 404 });
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    served.clear();
  });

  const plain = plaintext(2 * FILE_CHUNK_SIZE + 1000);

  it('yields the plaintext in order when every chunk opens and the digest matches', async () => {
    const { got, error } = await consume(upload(generateSymmetricKey(), plain));
    expect(error).toBeNull();
    expect(got.map((c) => c.length)).toEqual([FILE_CHUNK_SIZE, FILE_CHUNK_SIZE, 1000]);
    expect(Buffer.concat(got).equals(Buffer.from(plain))).toBe(true);
  });

  it('refuses a digest that does not match, before handing out the final chunk', async () => {
    const src = upload(generateSymmetricKey(), plain);
    // What an insider could write: every chunk is authentic, the recorded digest is of other bytes.
    const other = createFileDigest();
    other.update(plaintext(10));
    const { got, error } = await consume({ ...src, digest: toBase64Url(other.digest()) });
    expect(error).toBeInstanceOf(FileIntegrityError);
    expect(error).toMatchObject({ index: 2, check: 'digest' });
    expect((error as Error).message).toMatch(/changed on the server.*Nothing was saved/);
    expect(got).toHaveLength(2);
  });

  it('refuses a changed chunk at its place, before the digest is even reached', async () => {
    const src = upload(generateSymmetricKey(), plain);
    const url = `/api/files/${FILE_ID}/versions/1/chunks/1`;
    const tampered = served.get(url)!.slice();
    tampered[100]! ^= 1;
    served.set(url, tampered);
    const { got, error } = await consume(src);
    expect(error).toMatchObject({ index: 1, check: 'chunk' });
    expect(got).toHaveLength(1);
  });

  it('still reads a version without a digest (uploaded before digests were kept)', async () => {
    const { digest: _, ...src } = upload(generateSymmetricKey(), plain);
    const { got, error } = await consume(src);
    expect(error).toBeNull();
    expect(Buffer.concat(got).equals(Buffer.from(plain))).toBe(true);
  });
});
