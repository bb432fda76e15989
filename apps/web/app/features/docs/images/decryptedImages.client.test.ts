import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { encryptChunk, generateSymmetricKey, initCrypto, toBase64Url, type SymmetricKey } from '@coffre/crypto';
import { FileIntegrityError } from '../../../keys/FileIntegrityError.ts';
import { buildImageAttrs } from '../io/testing/buildImageAttrs.ts';
import { buildPng } from '../io/testing/buildPng.ts';
import { decryptedImages } from './decryptedImages.client.ts';

/** Sealed chunks as the server keeps them, served by a stand-in for the chunk GET route. */
const chunks = new Map<string, Uint8Array>();
const fetched: string[] = [];

function store(fileId: string, key: SymmetricKey, plain: Uint8Array) {
  chunks.set(`/api/files/${fileId}/versions/1/chunks/0`, encryptChunk(key, { fileId, version: 1, index: 0, isFinal: true }, plain));
  return buildImageAttrs({ fileId, key: toBase64Url(key) });
}

describe('decryptedImages', () => {
  beforeAll(() => initCrypto());
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      const body = chunks.get(url);
      return body ? new Response(body as BlobPart) : new Response('{}', { status: 404 });
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    fetched.length = 0;
  });

  it('fetches and decrypts an image once for every view and export of it', async () => {
    const png = buildPng();
    const attrs = store('onceFile0123456789abc', generateSymmetricKey(), png);
    const a = decryptedImages.acquire(attrs);
    const b = decryptedImages.acquire(attrs);
    expect(await a.url).toMatch(/^blob:/);
    expect(await b.url).toBe(await a.url);
    expect(await decryptedImages.bytes(attrs)).toEqual(png);
    expect(fetched).toEqual(['/api/files/onceFile0123456789abc/versions/1/chunks/0']);
    a.release();
    b.release();
  });

  it('revokes the object URL a while after the last view lets go, and fetches again after that', async () => {
    const attrs = store('revokeFile0123456789a', generateSymmetricKey(), buildPng());
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const held = decryptedImages.acquire(attrs);
    const url = await held.url;
    held.release();
    held.release(); // a second release is ignored
    vi.advanceTimersByTime(29_000);
    const again = decryptedImages.acquire(attrs); // back in time: the same URL
    expect(await again.url).toBe(url);
    again.release();
    vi.advanceTimersByTime(30_000);
    expect(revoke).toHaveBeenCalledWith(url);
    const fresh = decryptedImages.acquire(attrs);
    expect(await fresh.url).not.toBe(url);
    expect(fetched).toHaveLength(2);
    fresh.release();
  });

  it('fails with FileIntegrityError when the server changed a chunk, and tries again next time', async () => {
    const attrs = store('tamperFile0123456789a', generateSymmetricKey(), buildPng());
    const url = '/api/files/tamperFile0123456789a/versions/1/chunks/0';
    const good = chunks.get(url)!;
    const bad = good.slice();
    bad.set([bad.at(-1)! ^ 1], bad.length - 1);
    chunks.set(url, bad);
    const held = decryptedImages.acquire(attrs);
    await expect(held.url).rejects.toBeInstanceOf(FileIntegrityError);
    held.release();
    chunks.set(url, good);
    const retry = decryptedImages.acquire(attrs);
    expect(await retry.url).toMatch(/^blob:/);
    retry.release();
  });

  it('never lends decrypted bytes to a node with another key for the same file', async () => {
    const attrs = store('sharedFile0123456789a', generateSymmetricKey(), buildPng());
    expect(await decryptedImages.bytes(attrs)).toEqual(buildPng());
    const wrongKey = { ...attrs, key: toBase64Url(generateSymmetricKey()) };
    await expect(decryptedImages.bytes(wrongKey)).rejects.toBeInstanceOf(FileIntegrityError);
  });
});
