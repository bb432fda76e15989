import { randomBytes } from 'node:crypto';
import { deriveLinkKey, generateLinkSecret, initCrypto, linkAccessProof, linkIdFromSecret, toBase64Url } from '@coffre/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './apiClient.ts';
import { startTestServer, type TestServer } from './startTestServer.ts';

const id = () => randomBytes(16).toString('base64url');

async function raw(base: string, method: string, path: string, opts: { cookie?: string | null; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-coffre-csrf': '1', ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const isJson = res.headers.get('content-type')?.includes('json');
  return { status: res.status, json: isJson ? await res.json() : null, bytes: isJson ? null : new Uint8Array(await res.arrayBuffer()) };
}

describe('share links over real HTTP', () => {
  let server: TestServer;
  let alice: ApiClient;
  let bob: ApiClient;
  let bobId: string;
  let fileId: string;
  let root: string;
  const chunk = new Uint8Array(randomBytes(500));

  beforeAll(async () => {
    await initCrypto();
    server = await startTestServer();
    alice = new ApiClient(server.url);
    bob = new ApiClient(server.url);
    await alice.register('alice', 'alice password one');
    bobId = (await bob.register('bob', 'bob password one')).userId!;
    root = id();
    await alice.call('/docs', { docId: root });
    fileId = id();
    await alice.call('/files', { fileId, parentId: root, version: 1, chunkCount: 1, size: 500 });
    await fetch(`${server.url}/api/files/${fileId}/versions/1/chunks/0`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', 'x-coffre-csrf': '1', cookie: alice.cookie! }, body: chunk });
    await alice.call(`/files/${fileId}/versions/1/complete`, {});
  });
  afterAll(async () => {
    await server?.stop();
  });

  function makeLink(password: string | null, expiresAt: number | null = null) {
    const secret = generateLinkSecret();
    const linkId = linkIdFromSecret(secret);
    const salt = password ? new Uint8Array(randomBytes(16)) : null;
    const key = deriveLinkKey(secret, password && salt ? { password, salt } : undefined);
    return {
      linkId,
      proof: linkAccessProof(key, linkId),
      wrongProof: (other: string) => linkAccessProof(deriveLinkKey(secret, { password: other, salt: salt ?? new Uint8Array(16) }), linkId),
      body: { linkId, itemId: fileId, proof: linkAccessProof(key, linkId), salt: salt ? toBase64Url(salt) : null, sealed: toBase64Url(new Uint8Array(randomBytes(200))), expiresAt },
    };
  }

  it('serves a link to anyone with the proof, counts wrong passwords, and stops when revoked', async () => {
    const link = makeLink('link pass');
    expect((await alice.call('/links', link.body)).status).toBe(201);
    // No account needed to learn that a password is needed (and its salt).
    const meta = await raw(server.url, 'GET', `/links/${link.linkId}`);
    expect(meta.status).toBe(200);
    expect(meta.json.salt).toBe(link.body.salt);

    const wrong = await raw(server.url, 'POST', `/links/${link.linkId}/open`, { body: { proof: link.wrongProof('nope') } });
    expect(wrong.status).toBe(403);
    expect(wrong.json.code).toBe('LINK_PASSWORD_WRONG');
    const right = await raw(server.url, 'POST', `/links/${link.linkId}/open`, { body: { proof: link.proof } });
    expect(right.status).toBe(200);
    expect(right.json).toEqual({ itemId: fileId, role: 'viewer', sealed: link.body.sealed });

    const got = await raw(server.url, 'GET', `/links/${link.linkId}/files/${fileId}/versions/1/chunks/0`, { headers: { 'x-coffre-link-proof': link.proof } });
    expect(got.status).toBe(200);
    expect(Buffer.from(got.bytes!).equals(Buffer.from(chunk))).toBe(true);
    const noProof = await raw(server.url, 'GET', `/links/${link.linkId}/files/${fileId}/versions/1/chunks/0`, { headers: { 'x-coffre-link-proof': link.wrongProof('x') } });
    expect(noProof.status).toBe(403);

    // Guessing stops: after ten wrong answers from one address, even the right one waits.
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await raw(server.url, 'POST', `/links/${link.linkId}/open`, { body: { proof: link.wrongProof(`guess ${i}`) } })).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 403).length).toBeGreaterThanOrEqual(8);

    expect((await raw(server.url, 'DELETE', `/links/${link.linkId}`, { cookie: alice.cookie })).status).toBe(200);
    const after = await raw(server.url, 'GET', `/links/${link.linkId}`);
    expect(after.status).toBe(404);
    expect(after.json.code).toBe('LINK_GONE');
  });

  it('reaches only the item it was made for, and only people who may edit can make or stop one', async () => {
    const link = makeLink(null);
    expect((await bob.call('/links', link.body)).status).toBe(403);
    expect((await alice.call('/links', link.body)).status).toBe(201);
    const other = id();
    expect((await raw(server.url, 'GET', `/links/${link.linkId}/files/${other}/versions/1/chunks/0`, { headers: { 'x-coffre-link-proof': link.proof } })).status).toBe(404);
    expect((await raw(server.url, 'DELETE', `/links/${link.linkId}`, { cookie: bob.cookie })).status).toBe(403);
    const listed = await alice.call(`/links?itemId=${fileId}`);
    expect(listed.json.map((l: { linkId: string }) => l.linkId)).toContain(link.linkId);
    expect((await bob.call(`/links?itemId=${fileId}`)).status).toBe(403);
  });

  it('makes edit links for documents only, and says which role a link gives', async () => {
    const docId = id();
    await alice.call('/docs', { docId });
    const edit = makeLink(null);
    expect((await alice.call('/links', { ...edit.body, itemId: docId, role: 'editor' })).status).toBe(201);
    expect((await raw(server.url, 'GET', `/links/${edit.linkId}`)).json.role).toBe('editor');
    expect((await raw(server.url, 'POST', `/links/${edit.linkId}/open`, { body: { proof: edit.proof } })).json.role).toBe('editor');
    // a file link only downloads; and no role but these two
    expect((await alice.call('/links', { ...makeLink(null).body, role: 'editor' })).status).toBe(400);
    expect((await alice.call('/links', { ...makeLink(null).body, itemId: docId, role: 'admin' })).status).toBe(400);
    // bob, who may not edit the document, may not make an edit link either
    expect((await bob.call('/links', { ...makeLink(null).body, itemId: docId, role: 'editor' })).status).toBe(403);
    const listed = await alice.call(`/links?itemId=${docId}`);
    expect(listed.json.find((l: { linkId: string }) => l.linkId === edit.linkId).role).toBe('editor');
  });

  it('makes edit links for calendars too (the server cannot tell a calendar from a document), and still never for a file', async () => {
    // A calendar is registered like any document, in the folder it sits in; its kind is inside the encrypted folder.
    const calendarId = id();
    expect((await alice.call('/docs', { docId: calendarId, parentId: root })).status).toBe(201);
    const edit = makeLink(null);
    expect((await alice.call('/links', { ...edit.body, itemId: calendarId, role: 'editor' })).status).toBe(201);
    expect((await raw(server.url, 'POST', `/links/${edit.linkId}/open`, { body: { proof: edit.proof } })).json).toEqual({ itemId: calendarId, role: 'editor', sealed: edit.body.sealed });
    const listed = await alice.call(`/links?itemId=${calendarId}`);
    expect(listed.json.map((l: { role: string }) => l.role)).toEqual(['editor']);
    // bob cannot edit the calendar, so cannot hand out editing
    expect((await bob.call('/links', { ...makeLink(null).body, itemId: calendarId, role: 'editor' })).status).toBe(403);
    // A file: refused with a clear message, and nothing is stored.
    const fileEdit = makeLink(null);
    const refused = await alice.call('/links', { ...fileEdit.body, role: 'editor' });
    expect(refused.status).toBe(400);
    expect(refused.json.message).toMatch(/Only documents/);
    expect((await raw(server.url, 'GET', `/links/${fileEdit.linkId}`)).status).toBe(404);
  });

  it('makes edit links for folders (registered like documents), only for who may edit them, and never for a file in them', async () => {
    const folderId = id();
    expect((await alice.call('/docs', { docId: folderId, parentId: root })).status).toBe(201);
    const edit = makeLink(null);
    expect((await alice.call('/links', { ...edit.body, itemId: folderId, role: 'editor' })).status).toBe(201);
    expect((await raw(server.url, 'POST', `/links/${edit.linkId}/open`, { body: { proof: edit.proof } })).json).toEqual({ itemId: folderId, role: 'editor', sealed: edit.body.sealed });
    expect((await bob.call('/links', { ...makeLink(null).body, itemId: folderId, role: 'editor' })).status).toBe(403);
    const inside = id();
    await alice.call('/files', { fileId: inside, parentId: folderId, version: 1, chunkCount: 1, size: 10 });
    expect((await alice.call('/links', { ...makeLink(null).body, itemId: inside, role: 'editor' })).status).toBe(400);
    // Stopped, it opens no more.
    expect((await raw(server.url, 'DELETE', `/links/${edit.linkId}`, { cookie: alice.cookie })).status).toBe(200);
    expect((await raw(server.url, 'POST', `/links/${edit.linkId}/open`, { body: { proof: edit.proof } })).status).toBe(404);
  });

  it('lets a guest of a folder edit link register folders and documents under the folder, owned by its owner, and refuses view, stopped and wrong-proof links and folders outside', async () => {
    const { folderId, edit, view } = await folderWithLinks();
    const create = (link: { linkId: string; proof: string }, body: { docId: string; parentId: string }) => raw(server.url, 'POST', `/links/${link.linkId}/docs`, { body: { proof: link.proof, ...body } });

    const sub = id();
    expect((await create(edit, { docId: sub, parentId: folderId })).status).toBe(201);
    // Down the tree too; a retry of the same creation is fine.
    const deep = id();
    expect((await create(edit, { docId: deep, parentId: sub })).status).toBe(201);
    expect((await create(edit, { docId: deep, parentId: sub })).status).toBe(200);
    // The new items are alice's (the folder's owner): she may register them again, bob may not.
    expect((await alice.call('/docs', { docId: deep, parentId: sub })).status).toBe(200);
    expect((await bob.call('/docs', { docId: deep })).status).toBe(409);

    // Not through a view link, not outside the linked folder, not with a wrong proof, not over another's id.
    const refused = await create(view, { docId: id(), parentId: folderId });
    expect([refused.status, refused.json.code]).toEqual([403, 'FORBIDDEN']);
    const outside = await create(edit, { docId: id(), parentId: root });
    expect([outside.status, outside.json.code]).toEqual([403, 'FORBIDDEN']);
    expect((await create(edit, { docId: id(), parentId: id() })).status).toBe(403);
    expect((await create({ linkId: edit.linkId, proof: view.proof }, { docId: id(), parentId: folderId })).json.code).toBe('LINK_PASSWORD_WRONG');
    expect((await create(edit, { docId: folderId, parentId: sub })).json.code).toBe('DOC_EXISTS');
    // A file link of an editor cannot be used either: files have no edit links, and a file is not a folder.
    const fileLink = makeLink(null);
    await alice.call('/links', fileLink.body);
    expect((await create(fileLink, { docId: id(), parentId: folderId })).status).toBe(403);

    // Stopped, it creates nothing more.
    await raw(server.url, 'DELETE', `/links/${edit.linkId}`, { cookie: alice.cookie });
    const gone = id();
    const after = await create(edit, { docId: gone, parentId: folderId });
    expect([after.status, after.json.code]).toEqual([404, 'LINK_GONE']);
    expect((await bob.call('/docs', { docId: gone })).status).toBe(201);
  });

  it('lets a guest of a folder edit link upload files and new versions down the folder, charged to its owner, and nothing through a view, stopped or wrong link, outside it, or into another uploader\'s version', async () => {
    const { folderId, edit, view } = await folderWithLinks();
    const sub = id();
    expect((await raw(server.url, 'POST', `/links/${edit.linkId}/docs`, { body: { proof: edit.proof, docId: sub, parentId: folderId } })).status).toBe(201);
    const via = (link: { linkId: string; proof: string }, method: string, path: string, body?: unknown) =>
      raw(server.url, method, `/links/${link.linkId}/files${path}`, { body, headers: { 'x-coffre-link-proof': link.proof } });
    const putChunk = async (link: { linkId: string; proof: string }, file: string, version: number, bytes: Uint8Array<ArrayBuffer>) =>
      (await fetch(`${server.url}/api/links/${link.linkId}/files/${file}/versions/${version}/chunks/0`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', 'x-coffre-csrf': '1', 'x-coffre-link-proof': link.proof }, body: bytes })).status;
    const used = async () => (await alice.call('/usage')).json.used as number;

    // A new file in the linked folder: begun, sent, completed; alice owns it and pays for it, and reads it like her own.
    const before = await used();
    const guestFile = id();
    const body = new Uint8Array(randomBytes(300));
    expect((await via(edit, 'POST', '', { fileId: guestFile, parentId: folderId, version: 1, chunkCount: 1, size: 300 })).status).toBe(201);
    expect(await used()).toBe(before + 300);
    expect(await putChunk(edit, guestFile, 1, body)).toBe(200);
    expect((await via(edit, 'GET', `/${guestFile}/versions/1`)).json.chunks).toEqual([{ index: 0, size: 300 }]);
    expect((await via(edit, 'POST', `/${guestFile}/versions/1/complete`, {})).json.state).toBe('complete');
    const mine = await fetch(`${server.url}/api/files/${guestFile}/versions/1/chunks/0`, { headers: { cookie: alice.cookie! } });
    expect(new Uint8Array(await mine.arrayBuffer())).toEqual(body);
    // Down the tree, and a new version of a file there.
    expect((await via(edit, 'POST', '', { fileId: id(), parentId: sub, version: 1, chunkCount: 1, size: 10 })).status).toBe(201);
    expect((await via(edit, 'POST', '', { fileId: guestFile, parentId: folderId, version: 2, chunkCount: 1, size: 20 })).status).toBe(201);
    expect(await putChunk(edit, guestFile, 2, new Uint8Array(20))).toBe(200);
    expect((await via(edit, 'POST', `/${guestFile}/versions/2/complete`, {})).status).toBe(200);

    // Nothing outside the folder, through a view link, with a wrong or missing proof.
    const outside = await via(edit, 'POST', '', { fileId: id(), parentId: root, version: 1, chunkCount: 1, size: 10 });
    expect([outside.status, outside.json.code]).toEqual([403, 'FORBIDDEN']);
    expect((await via(edit, 'POST', '', { fileId, parentId: folderId, version: 2, chunkCount: 1, size: 10 })).status).toBe(404);
    expect((await via(edit, 'GET', `/${fileId}/versions/1`)).status).toBe(404);
    const viewOnly = await via(view, 'POST', '', { fileId: id(), parentId: folderId, version: 1, chunkCount: 1, size: 10 });
    expect([viewOnly.status, viewOnly.json.code]).toEqual([403, 'FORBIDDEN']);
    expect((await via({ linkId: edit.linkId, proof: view.proof }, 'POST', '', { fileId: id(), parentId: folderId, version: 1, chunkCount: 1, size: 10 })).json.code).toBe('LINK_PASSWORD_WRONG');
    expect((await raw(server.url, 'POST', `/links/${edit.linkId}/files`, { body: { fileId: id(), parentId: folderId, version: 1, chunkCount: 1, size: 10 } })).status).toBe(400);

    // A version alice is uploading is hers: the guest cannot send to it, complete it or cancel it.
    expect((await alice.call('/files', { fileId: guestFile, parentId: folderId, version: 3, chunkCount: 1, size: 10 })).status).toBe(201);
    expect(await putChunk(edit, guestFile, 3, new Uint8Array(10))).toBe(403);
    expect((await via(edit, 'POST', `/${guestFile}/versions/3/complete`, {})).status).toBe(403);
    expect((await via(edit, 'DELETE', `/${guestFile}/versions/3`)).status).toBe(403);
    // Nor a finished version of its own.
    expect((await via(edit, 'DELETE', `/${guestFile}/versions/1`)).status).toBe(403);

    // Cancelling its own unfinished upload drops the file and gives alice the bytes back.
    const dropped = id();
    const atStart = await used();
    expect((await via(edit, 'POST', '', { fileId: dropped, parentId: folderId, version: 1, chunkCount: 1, size: 50 })).status).toBe(201);
    expect(await putChunk(edit, dropped, 1, new Uint8Array(50))).toBe(200);
    expect((await via(edit, 'DELETE', `/${dropped}/versions/1`)).status).toBe(200);
    expect(await used()).toBe(atStart);
    expect((await via(edit, 'GET', `/${dropped}/versions/1`)).status).toBe(404);

    // Stopped, the link uploads nothing more.
    await raw(server.url, 'DELETE', `/links/${edit.linkId}`, { cookie: alice.cookie });
    const after = await via(edit, 'POST', '', { fileId: id(), parentId: folderId, version: 1, chunkCount: 1, size: 10 });
    expect([after.status, after.json.code]).toEqual([404, 'LINK_GONE']);
  });

  it('lets its maker seal a live link again (after a new key), keeping its proof, and nobody else', async () => {
    const { folderId, edit } = await folderWithLinks();
    const sealed = toBase64Url(new Uint8Array(randomBytes(300)));
    const reseal = (who: ApiClient, linkId: string) => raw(server.url, 'PUT', `/links/${linkId}`, { cookie: who.cookie, body: { sealed } });
    // Bob may edit the folder but did not make the link; a visitor has no account.
    expect((await alice.call(`/docs/${folderId}/members`, { userId: bobId, role: 'editor', grant: toBase64Url(new Uint8Array(randomBytes(200))) })).status).toBe(200);
    expect((await reseal(bob, edit.linkId)).status).toBe(403);
    expect((await raw(server.url, 'PUT', `/links/${edit.linkId}`, { body: { sealed } })).status).toBe(401);
    expect((await raw(server.url, 'POST', `/links/${edit.linkId}/open`, { body: { proof: edit.proof } })).json.sealed).toBe(edit.body.sealed);

    expect((await reseal(alice, edit.linkId)).status).toBe(200);
    const opened = await raw(server.url, 'POST', `/links/${edit.linkId}/open`, { body: { proof: edit.proof } });
    expect([opened.json.sealed, opened.json.role, opened.json.itemId]).toEqual([sealed, 'editor', folderId]);
    // Stopped, it cannot be brought back this way.
    await raw(server.url, 'DELETE', `/links/${edit.linkId}`, { cookie: alice.cookie });
    expect((await reseal(alice, edit.linkId)).json.code).toBe('LINK_GONE');
  });

  /** A folder of alice's under her root, with an edit link and a view link. */
  it('finds the keys of people the linked item is shared with, for a visitor checking who wrote a message, and of no one else', async () => {
    const carol = new ApiClient(server.url);
    await carol.register('carol', 'carol password one');
    const { folderId, view } = await folderWithLinks();
    const room = id();
    await alice.call('/docs', { docId: room, parentId: folderId });
    const roomLink = makeLink(null);
    await alice.call('/links', { ...roomLink.body, itemId: room });
    const people = (link: { linkId: string; proof: string }, username: string, inside?: string) => raw(server.url, 'GET', `/links/${link.linkId}/people/${username}${inside ? `?in=${inside}` : ''}`, { headers: { 'x-coffre-link-proof': link.proof } });

    const owner = await people(roomLink, 'Alice');
    expect(owner.status).toBe(200);
    expect(owner.json.username).toBe('alice');
    expect(owner.json.publicBundle).toMatch(/^[A-Za-z0-9_-]+$/);
    // Bob has no access yet: not found, like carol, who never will, and like no one at all.
    for (const name of ['bob', 'carol', 'nobody-here']) expect((await people(roomLink, name)).json.code).toBe('NOT_FOUND');
    expect((await alice.call(`/docs/${room}/members`, { userId: bobId, role: 'editor', grant: toBase64Url(new Uint8Array(randomBytes(200))) })).status).toBe(200);
    expect((await people(roomLink, 'bob')).json.username).toBe('bob');
    // Through the folder's link: people of a room inside it, but not of what is outside it.
    expect((await people(view, 'bob')).json.code).toBe('NOT_FOUND');
    expect((await people(view, 'bob', room)).json.username).toBe('bob');
    expect((await people(view, 'alice', root)).json.code).toBe('NOT_FOUND');
    // The proof is needed, and a stopped link finds no one.
    expect((await people({ linkId: roomLink.linkId, proof: view.proof }, 'alice')).json.code).toBe('LINK_PASSWORD_WRONG');
    await raw(server.url, 'DELETE', `/links/${roomLink.linkId}`, { cookie: alice.cookie });
    expect((await people(roomLink, 'alice')).json.code).toBe('LINK_GONE');
  });

  async function folderWithLinks() {
    const folderId = id();
    await alice.call('/docs', { docId: folderId, parentId: root });
    const edit = makeLink(null);
    const view = makeLink(null);
    await alice.call('/links', { ...edit.body, itemId: folderId, role: 'editor' });
    await alice.call('/links', { ...view.body, itemId: folderId });
    return { folderId, edit, view };
  }

  it('stops working at its expiry', async () => {
    const link = makeLink(null, Date.now() + 60_000);
    expect((await alice.call('/links', link.body)).status).toBe(201);
    expect((await raw(server.url, 'GET', `/links/${link.linkId}`)).status).toBe(200);
    const realNow = server.services.now;
    server.services.now = () => realNow() + 120_000;
    try {
      expect((await raw(server.url, 'POST', `/links/${link.linkId}/open`, { body: { proof: link.proof } })).json.code).toBe('LINK_GONE');
    } finally {
      server.services.now = realNow;
    }
    expect((await alice.call('/links', { ...makeLink(null, Date.now() - 1000).body })).status).toBe(400);
  });
});
