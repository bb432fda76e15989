import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FILE_CHUNK_SIZE, decryptChunk, generateSymmetricKey, initCrypto } from '@coffre/crypto';
import { FileUpload } from './FileUpload.client.ts';

/** The file: records which chunks were read (by their start), so the test sees when the uploader reads ahead. */
class WatchedFile extends Blob {
  readonly reads: number[] = [];
  override slice(start?: number, end?: number, type?: string): Blob {
    this.reads.push(Math.floor((start ?? 0) / FILE_CHUNK_SIZE));
    return super.slice(start, end, type);
  }
}

/** A stand-in for the browser's XMLHttpRequest: each PUT stays open until the test answers it. */
class HeldXhr {
  static open: HeldXhr[] = [];
  url = '';
  body: Uint8Array | null = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((ev: { loaded: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(_name?: string, _value?: string) {}
  send(body: Uint8Array) {
    this.body = body;
    HeldXhr.open.push(this);
  }
  abort() {
    HeldXhr.open = HeldXhr.open.filter((x) => x !== this);
    this.onabort?.();
  }
  answer() {
    HeldXhr.open = HeldXhr.open.filter((x) => x !== this);
    this.status = 200;
    this.responseText = '{}';
    this.onload?.();
  }
}

const fileId = 'pipeFile0123456789abcd';
/** Sealing 4 MiB takes tens of milliseconds, more on a busy machine. */
const WAIT = { timeout: 20_000, interval: 5 };
const stored = new Map<number, Uint8Array>();
const calls: string[] = [];

/** The next PUT, once the uploader has sent it. */
async function nextPut(): Promise<HeldXhr> {
  await vi.waitFor(() => expect(HeldXhr.open.length).toBe(1), WAIT);
  return HeldXhr.open[0]!;
}

async function answer(xhr: HeldXhr) {
  stored.set(Number(xhr.url.split('/').pop()), xhr.body!);
  xhr.answer();
}

describe('FileUpload', () => {
  beforeAll(() => initCrypto());
  beforeEach(() => {
    vi.stubGlobal('XMLHttpRequest', HeldXhr);
    vi.stubGlobal('fetch', async (url: string, init: { method?: string } = {}) => {
      calls.push(`${init.method ?? 'GET'} ${url}`);
      if (url === `/api/files/${fileId}/versions/1` && (init.method ?? 'GET') === 'GET') {
        return new Response(JSON.stringify({ state: 'uploading', chunks: [...stored.keys()].map((index) => ({ index })) }));
      }
      return new Response('{}', { status: url === '/api/files' ? 201 : 200 });
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    HeldXhr.open = [];
    stored.clear();
    calls.length = 0;
  });

  const plainOf = (size: number) => {
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) & 255;
    return bytes;
  };
  // Byte-wise toEqual on megabytes takes minutes: compare whole buffers.
  const same = (a: Uint8Array[], b: Uint8Array) => Buffer.compare(Buffer.concat(a), b) === 0;

  it('reads and seals the next chunk while the current one is on the wire, and seals each at its position', async () => {
    const plain = plainOf(2 * FILE_CHUNK_SIZE + 1000);
    const file = new WatchedFile([plain]);
    const key = generateSymmetricKey();
    const upload = new FileUpload(file, { fileId, parentId: 'parentFolder0123456789', version: 1, key });
    const done = upload.run();

    const put0 = await nextPut();
    expect(put0.url).toBe(`/api/files/${fileId}/versions/1/chunks/0`);
    // Chunk 1 is read (and sealed) while chunk 0 is still being sent; chunk 2 not yet: two chunks in memory at most.
    await vi.waitFor(() => expect(file.reads).toEqual([0, 1]), WAIT);
    await answer(put0);
    const put1 = await nextPut();
    await vi.waitFor(() => expect(file.reads).toEqual([0, 1, 2]), WAIT);
    await answer(put1);
    await answer(await nextPut());
    expect(await done).toBe(true);

    expect(calls.filter((c) => c.endsWith('/complete'))).toEqual([`POST /api/files/${fileId}/versions/1/complete`]);
    const opened = [0, 1, 2].map((index) => decryptChunk(key, { fileId, version: 1, index, isFinal: index === 2 }, stored.get(index)!));
    expect(same(opened, plain)).toBe(true);
  });

  it('paused with a chunk in flight, resumes from the chunks the server has and sends each one once', async () => {
    const plain = plainOf(3 * FILE_CHUNK_SIZE);
    const key = generateSymmetricKey();
    const upload = new FileUpload(new WatchedFile([plain]), { fileId, parentId: 'parentFolder0123456789', version: 1, key });
    const done = upload.run();
    await answer(await nextPut());
    const inFlight = await nextPut();
    expect(inFlight.url.endsWith('/chunks/1')).toBe(true);
    upload.pause(); // aborts chunk 1
    await vi.waitFor(() => expect(upload.state).toBe('paused'), WAIT);
    expect(HeldXhr.open).toEqual([]);
    // The aborted send unwinds to run() over a few promise turns; a person's click on Resume comes later than that.
    await new Promise((r) => setTimeout(r, 50));

    upload.resume();
    const again = await nextPut();
    expect(again.url.endsWith('/chunks/1')).toBe(true);
    await answer(again);
    await answer(await nextPut());
    expect(await done).toBe(true);
    expect([...stored.keys()].sort()).toEqual([0, 1, 2]);
    const opened = [0, 1, 2].map((index) => decryptChunk(key, { fileId, version: 1, index, isFinal: index === 2 }, stored.get(index)!));
    expect(same(opened, plain)).toBe(true);
  });

  it('sent by the guest of a folder edit link, goes through the routes of the link, with its proof on every request', async () => {
    const headers: Array<Record<string, string>> = [];
    vi.stubGlobal('fetch', async (url: string, init: { method?: string; headers?: Record<string, string> } = {}) => {
      calls.push(`${init.method ?? 'GET'} ${url}`);
      headers.push(init.headers ?? {});
      return new Response('{}', { status: url.endsWith('/files') ? 201 : 200 });
    });
    const sent: Array<[string, string]> = [];
    class ProofXhr extends HeldXhr {
      override setRequestHeader(name: string, value: string) {
        sent.push([name, value]);
      }
    }
    vi.stubGlobal('XMLHttpRequest', ProofXhr);
    const via = { linkId: 'L'.repeat(43), proof: 'P'.repeat(43) };
    const upload = new FileUpload(new WatchedFile([plainOf(1000)]), { fileId, parentId: 'parentFolder0123456789', version: 1, key: generateSymmetricKey(), via });
    const done = upload.run();
    const put = await nextPut();
    expect(put.url).toBe(`/api/links/${via.linkId}/files/${fileId}/versions/1/chunks/0`);
    expect(sent).toContainEqual(['x-coffre-link-proof', via.proof]);
    await answer(put);
    expect(await done).toBe(true);
    expect(calls).toEqual([`POST /api/links/${via.linkId}/files`, `POST /api/links/${via.linkId}/files/${fileId}/versions/1/complete`]);
    expect(headers.every((h) => h['x-coffre-link-proof'] === via.proof)).toBe(true);
  });
});
