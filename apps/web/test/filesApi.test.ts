import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepAbandonedUploads } from '../server/sweepAbandonedUploads.server.ts';
import { ApiClient } from './apiClient.ts';
import { startTestServer, type TestServer } from './startTestServer.ts';

const id = () => randomBytes(16).toString('base64url');

/** Raw chunk PUT/GET, as the browser's upload engine sends them. */
async function putChunk(c: ApiClient, fileId: string, version: number, index: number, body: Uint8Array, headers: Record<string, string> = {}) {
  const res = await fetch(`${c.base}/api/files/${fileId}/versions/${version}/chunks/${index}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream', 'x-coffre-csrf': '1', cookie: c.cookie ?? '', ...headers },
    body: body as Uint8Array<ArrayBuffer>,
  });
  return { status: res.status, json: (await res.json()) as { code?: string } };
}

async function getChunk(c: ApiClient, fileId: string, version: number, index: number) {
  const res = await fetch(`${c.base}/api/files/${fileId}/versions/${version}/chunks/${index}`, { headers: { cookie: c.cookie ?? '' } });
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function del(c: ApiClient, path: string) {
  const res = await fetch(`${c.base}/api${path}`, { method: 'DELETE', headers: { 'x-coffre-csrf': '1', cookie: c.cookie ?? '' } });
  return { status: res.status, json: await res.json() };
}

describe('file API over real HTTP, SQLite and disk', () => {
  let server: TestServer;
  let alice: ApiClient;
  let bob: ApiClient;
  let aliceRoot: string;
  beforeAll(async () => {
    server = await startTestServer({ COFFRE_QUOTA_BYTES: '1000000' });
    alice = new ApiClient(server.url);
    bob = new ApiClient(server.url);
    await alice.register('alice', 'alice password one');
    await bob.register('bob', 'bob password one');
    aliceRoot = id();
    expect((await alice.call('/docs', { docId: aliceRoot })).status).toBe(201);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('uploads chunk by chunk, resumes, completes only when whole, and serves the exact bytes back', async () => {
    const fileId = id();
    const a = new Uint8Array(randomBytes(3000));
    const b = new Uint8Array(randomBytes(1000));
    const begin = await alice.call('/files', { fileId, parentId: aliceRoot, version: 1, chunkCount: 2, size: 4000 });
    expect(begin.status).toBe(201);
    expect((await alice.call('/usage')).json.used).toBe(4000);

    expect((await putChunk(alice, fileId, 1, 0, a)).status).toBe(200);
    // A re-sent chunk (lost answer) is accepted again, not double-counted.
    expect((await putChunk(alice, fileId, 1, 0, a)).status).toBe(200);
    const state = await alice.call(`/files/${fileId}/versions/1`);
    expect(state.json.chunks).toEqual([{ index: 0, size: 3000 }]);
    expect(state.json.state).toBe('uploading');
    const early = await alice.call(`/files/${fileId}/versions/1/complete`, {});
    expect(early.status).toBe(409);
    expect(early.json.code).toBe('UPLOAD_INCOMPLETE');
    // Not readable by others while uploading.
    expect((await getChunk(bob, fileId, 1, 0)).status).toBe(404);

    expect((await putChunk(alice, fileId, 1, 1, b)).status).toBe(200);
    const done = await alice.call(`/files/${fileId}/versions/1/complete`, {});
    expect(done.status).toBe(200);
    expect(done.json.state).toBe('complete');
    expect((await putChunk(alice, fileId, 1, 1, b)).json.code).toBe('UPLOAD_CLOSED');

    const back = await getChunk(alice, fileId, 1, 0);
    expect(back.status).toBe(200);
    expect(Buffer.from(back.bytes).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from((await getChunk(alice, fileId, 1, 1)).bytes).equals(Buffer.from(b))).toBe(true);

    // A stranger learns nothing, not even that the file exists.
    expect((await getChunk(bob, fileId, 1, 0)).status).toBe(404);
    expect((await bob.call(`/files/${fileId}/versions/1`)).status).toBe(404);

    expect((await del(alice, `/files/${fileId}`)).status).toBe(200);
    expect((await alice.call('/usage')).json.used).toBe(0);
    expect((await getChunk(alice, fileId, 1, 0)).status).toBe(404);
    expect(await server.services.storage.blobs.stat(`f_${fileId}_1_0`)).toBeNull();
  });

  it('deletes the files of a document (its images) with the document, and gives their space back', async () => {
    const docId = id();
    expect((await alice.call('/docs', { docId, parentId: aliceRoot })).status).toBe(201);
    const image = id();
    const bytes = new Uint8Array(randomBytes(700));
    expect((await alice.call('/files', { fileId: image, parentId: docId, version: 1, chunkCount: 1, size: 700 })).status).toBe(201);
    expect((await putChunk(alice, image, 1, 0, bytes)).status).toBe(200);
    expect((await alice.call(`/files/${image}/versions/1/complete`, {})).status).toBe(200);
    const other = id(); // a file elsewhere stays
    expect((await alice.call('/files', { fileId: other, parentId: aliceRoot, version: 1, chunkCount: 1, size: 100 })).status).toBe(201);
    expect((await alice.call('/usage')).json.used).toBe(800);
    expect((await del(alice, `/docs/${docId}`)).status).toBe(200);
    expect(await server.services.storage.files.get(image)).toBeNull();
    expect(await server.services.storage.blobs.stat(`f_${image}_1_0`)).toBeNull();
    expect((await alice.call('/usage')).json.used).toBe(100);
    expect(await server.services.storage.files.get(other)).not.toBeNull();
    expect((await del(alice, `/files/${other}`)).status).toBe(200);
  });

  it('deletes a folder forever with everything under it, down the tree, and gives all the space back', async () => {
    const [folder, sub, doc] = [id(), id(), id()];
    expect((await alice.call('/docs', { docId: folder, parentId: aliceRoot })).status).toBe(201);
    expect((await alice.call('/docs', { docId: sub, parentId: folder })).status).toBe(201);
    expect((await alice.call('/docs', { docId: doc, parentId: sub })).status).toBe(201);
    const [inFolder, image] = [id(), id()];
    expect((await alice.call('/files', { fileId: inFolder, parentId: sub, version: 1, chunkCount: 1, size: 300 })).status).toBe(201);
    expect((await alice.call('/files', { fileId: image, parentId: doc, version: 1, chunkCount: 1, size: 200 })).status).toBe(201);
    expect((await putChunk(alice, inFolder, 1, 0, new Uint8Array(randomBytes(300)))).status).toBe(200);
    expect((await alice.call('/usage')).json.used).toBe(500);
    expect((await del(alice, `/docs/${folder}`)).status).toBe(200);
    for (const d of [folder, sub, doc]) expect(await server.services.storage.documents.get(d)).toBeNull();
    for (const f of [inFolder, image]) expect(await server.services.storage.files.get(f)).toBeNull();
    expect(await server.services.storage.blobs.stat(`f_${inFolder}_1_0`)).toBeNull();
    expect((await alice.call('/usage')).json.used).toBe(0);
    expect((await alice.call(`/docs/${doc}/members`)).status).toBe(404);
  });

  it('refuses an upload over quota before any body, and changes nothing', async () => {
    const fileId = id();
    const r = await alice.call('/files', { fileId, parentId: aliceRoot, version: 1, chunkCount: 1, size: 1_000_001 });
    expect(r.status).toBe(413);
    expect(r.json.code).toBe('QUOTA_EXCEEDED');
    expect(r.json.message).toMatch(/quota/);
    expect(await server.services.storage.files.get(fileId)).toBeNull();
    expect((await alice.call('/usage')).json).toEqual({ used: 0, limit: 1_000_000 });
  });

  it('refuses oversize and overlong chunks without storing them', async () => {
    const fileId = id();
    await alice.call('/files', { fileId, parentId: aliceRoot, version: 1, chunkCount: 2, size: 200 });
    const tooMuch = await putChunk(alice, fileId, 1, 0, new Uint8Array(300));
    expect(tooMuch.status).toBe(413);
    expect(await server.services.storage.blobs.stat(`f_${fileId}_1_0`)).toBeNull();
    expect((await putChunk(alice, fileId, 1, 5, new Uint8Array(10))).status).toBe(400);
    // Declared far beyond a chunk: refused from the header alone.
    const huge = await fetch(`${alice.base}/api/files/${fileId}/versions/1/chunks/0`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', 'x-coffre-csrf': '1', cookie: alice.cookie ?? '', 'content-length': String(64 * 1024 * 1024) },
      body: new Uint8Array(10),
      // @ts-expect-error Node's fetch needs this for a body with a forged length
      duplex: 'half',
    }).catch(() => null);
    expect(huge === null || huge.status === 413 || huge.status === 400).toBe(true);
    expect((await del(alice, `/files/${fileId}/versions/1`)).status).toBe(200);
    expect((await alice.call('/usage')).json.used).toBe(0);
  });

  it('inherits access down folders: a viewer of a folder reads files inside it but cannot add or change any', async () => {
    const folder = id();
    expect((await alice.call('/docs', { docId: folder, parentId: aliceRoot })).status).toBe(201);
    const sub = id();
    expect((await alice.call('/docs', { docId: sub, parentId: folder })).status).toBe(201);
    const fileId = id();
    await alice.call('/files', { fileId, parentId: sub, version: 1, chunkCount: 1, size: 10 });
    await putChunk(alice, fileId, 1, 0, new Uint8Array(10).fill(7));
    await alice.call(`/files/${fileId}/versions/1/complete`, {});

    expect((await getChunk(bob, fileId, 1, 0)).status).toBe(404);
    const bobId = (await bob.call('/account/session')).json.userId as string;
    const share = await alice.call(`/docs/${folder}/members`, { userId: bobId, role: 'viewer', grant: Buffer.from(randomBytes(64)).toString('base64url') });
    expect(share.status).toBe(200);
    const sent = await alice.call('/grants/sent');
    expect(sent.json).toEqual([expect.objectContaining({ itemId: folder, username: 'bob', role: 'viewer' })]);
    expect((await bob.call('/grants/sent')).json).toEqual([]);
    expect((await getChunk(bob, fileId, 1, 0)).bytes).toEqual(new Uint8Array(10).fill(7));
    expect((await bob.call('/files', { fileId: id(), parentId: sub, version: 1, chunkCount: 1, size: 10 })).status).toBe(403);
    expect((await bob.call('/docs', { docId: id(), parentId: sub })).status).toBe(403);
    expect((await del(bob, `/files/${fileId}`)).status).toBe(403);

    await alice.call(`/docs/${folder}/members`, { userId: bobId, role: 'editor', grant: Buffer.from(randomBytes(64)).toString('base64url') });
    const bobDoc = id();
    expect((await bob.call('/docs', { docId: bobDoc, parentId: sub })).status).toBe(201);
    // A folder cannot be moved into its own subtree.
    expect((await alice.call(`/docs/${folder}/move`, { parentId: sub })).status).toBe(400);

    await alice.call(`/docs/${folder}/members/${bobId}/remove`, {});
    expect((await getChunk(bob, fileId, 1, 0)).status).toBe(404);
  });

  it('gives the space of an upload abandoned for a week back, and forgets the file', async () => {
    const fileId = id();
    await alice.call('/files', { fileId, parentId: aliceRoot, version: 1, chunkCount: 2, size: 20 });
    await putChunk(alice, fileId, 1, 0, new Uint8Array(10));
    const used = (await alice.call('/usage')).json.used as number;
    expect(await sweepAbandonedUploads(server.services)).toBe(0);
    const realNow = server.services.now;
    server.services.now = () => realNow() + 8 * 24 * 60 * 60 * 1000;
    try {
      expect(await sweepAbandonedUploads(server.services)).toBe(1);
    } finally {
      server.services.now = realNow;
    }
    expect((await alice.call('/usage')).json.used).toBe(used - 20);
    expect(await server.services.storage.files.get(fileId)).toBeNull();
    expect(await server.services.storage.blobs.stat(`f_${fileId}_1_0`)).toBeNull();
  });

  it('logs ids and sizes only', () => {
    const text = server.logLines.join('\n');
    expect(text).toContain('file.upload-started');
    expect(text).not.toMatch(/alice password|bob password/);
  });
});
