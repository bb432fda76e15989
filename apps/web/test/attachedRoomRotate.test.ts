import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './apiClient.ts';
import { startTestServer, type TestServer } from './startTestServer.ts';

const id = () => randomBytes(16).toString('base64url');
/** The server stores grants as opaque bytes; their contents do not matter to it. */
const someGrant = () => randomBytes(600).toString('base64url');

describe('key rotation of a chat attached to a folder (ADR 0011)', () => {
  let server: TestServer;
  let alice: ApiClient;
  let bob: ApiClient;
  let bobId: string;
  const root = id();
  const folder = id();
  const room = id();
  const standalone = id();
  beforeAll(async () => {
    server = await startTestServer();
    alice = new ApiClient(server.url);
    bob = new ApiClient(server.url);
    await alice.register('alice', 'alice password one');
    bobId = (await bob.register('bob', 'bob password one')).userId!;
    expect((await alice.call('/docs', { docId: root })).status).toBe(201);
    expect((await alice.call('/docs', { docId: folder, parentId: root })).status).toBe(201);
    expect((await alice.call('/docs', { docId: room, parentId: folder })).status).toBe(201);
    expect((await alice.call('/docs', { docId: standalone, parentId: root })).status).toBe(201);
    expect((await alice.call(`/docs/${folder}/members`, { userId: bobId, role: 'editor', grant: someGrant() })).status).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('lets an admin of the item rotate its chat without grants, since the key lives in the item', async () => {
    const r = await alice.call(`/docs/${room}/rotate`, { epoch: 2, grants: [], attached: true });
    expect(r.status).toBe(200);
  });

  it('refuses an editor of the item', async () => {
    const r = await bob.call(`/docs/${room}/rotate`, { epoch: 3, grants: [], attached: true });
    expect(r.status).toBe(403);
  });

  it('refuses "attached" for a room with people of its own, a top-level item, or with grants', async () => {
    expect((await alice.call(`/docs/${standalone}/members`, { userId: bobId, role: 'editor', grant: someGrant() })).status).toBe(200);
    expect((await alice.call(`/docs/${standalone}/rotate`, { epoch: 2, grants: [], attached: true })).status).toBe(400);
    expect((await alice.call(`/docs/${root}/rotate`, { epoch: 2, grants: [], attached: true })).status).toBe(400);
    expect((await alice.call(`/docs/${room}/rotate`, { epoch: 3, grants: [{ userId: bobId, grant: someGrant() }], attached: true })).status).toBe(400);
    // Without the flag, the usual rule holds: everyone with access of their own gets a grant.
    expect((await alice.call(`/docs/${standalone}/rotate`, { epoch: 2, grants: [] })).json.code).toBe('MEMBERS_CHANGED');
  });
});
