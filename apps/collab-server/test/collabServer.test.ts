import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { createStorage, type Storage } from '@coffre/storage';
import type { Server } from '@hocuspocus/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createCollabServer } from '../src/createCollabServer.ts';

const bytes = (n: number) => new Uint8Array(randomBytes(n));

async function addUser(storage: Storage, name: string): Promise<{ userId: string; cookie: string }> {
  const userId = `user-${name}-${randomBytes(4).toString('hex')}`;
  const now = Date.now();
  await storage.accounts.create({
    userId,
    username: `${name}-${userId}`,
    opaqueRecord: bytes(8),
    passwordWrappedMasterKey: bytes(8),
    recoveryWrappedMasterKey: bytes(8),
    recoveryVerifyKey: bytes(32),
    wrappedIdentity: bytes(8),
    publicBundle: bytes(8),
    createdAt: now,
    updatedAt: now,
  });
  const token = randomBytes(32).toString('base64url');
  await storage.sessions.create({
    sessionId: `s-${userId}`,
    tokenHash: new Uint8Array(createHash('sha256').update(token).digest()),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + 60_000,
    label: 'test',
  });
  return { userId, cookie: `coffre_session=${token}` };
}

type Client = { doc: Y.Doc; provider: HocuspocusProvider; result: Promise<'synced' | 'denied'> };

function connect(url: string, name: string, cookie: string | null): Client {
  class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket });
  let settle!: (r: 'synced' | 'denied') => void;
  const result = new Promise<'synced' | 'denied'>((r) => (settle = r));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token: 'session-cookie',
    onSynced: () => settle('synced'),
    onAuthenticationFailed: () => settle('denied'),
  });
  provider.attach();
  return { doc, provider, result };
}

const closeAll = (clients: Client[]) => clients.forEach((c) => (c.provider.destroy(), c.provider.configuration.websocketProvider.destroy()));

describe('collab server: authentication, access list, persistence', () => {
  let dir: string;
  let storage: Storage;
  let server: Server;
  let url: string;
  const clients: Client[] = [];

  async function start() {
    server = createCollabServer({ port: 0, storage, secureCookies: false, logSink: () => undefined });
    await server.listen();
    url = `ws://127.0.0.1:${server.address.port}`;
  }

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collab-test-'));
    storage = await createStorage({ driver: 'sqlite', dataDir: dir });
    await start();
  });

  afterEach(async () => {
    closeAll(clients.splice(0));
    await server.destroy();
    await storage.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const open = (name: string, cookie: string | null) => {
    const c = connect(url, name, cookie);
    clients.push(c);
    return c;
  };

  it('refuses a connection without a session, with a forged session, and from a non-member', async () => {
    const owner = await addUser(storage, 'owner');
    const stranger = await addUser(storage, 'stranger');
    await storage.documents.create({ docId: 'doc-1', ownerId: owner.userId, createdAt: Date.now() });
    await expect(open('doc-1', null).result).resolves.toBe('denied');
    await expect(open('doc-1', 'coffre_session=forged-token-forged-token-forged').result).resolves.toBe('denied');
    await expect(open('doc-1', stranger.cookie).result).resolves.toBe('denied');
    await expect(open('no-such-doc', owner.cookie).result).resolves.toBe('denied');
    await expect(open('doc-1', owner.cookie).result).resolves.toBe('synced');
  });

  it('relays between members, keeps viewers read-only, and persists across a restart', async () => {
    const owner = await addUser(storage, 'owner');
    const viewer = await addUser(storage, 'viewer');
    await storage.documents.create({ docId: 'doc-2', ownerId: owner.userId, createdAt: Date.now() });
    await storage.members.set('doc-2', viewer.userId, 'viewer', Date.now());

    const a = open('doc-2', owner.cookie);
    const v = open('doc-2', viewer.cookie);
    await expect(Promise.all([a.result, v.result])).resolves.toEqual(['synced', 'synced']);
    a.doc.getArray<string>('log').push(['from-owner']);
    await expect.poll(() => v.doc.getArray('log').toArray()).toEqual(['from-owner']);

    v.doc.getArray<string>('log').push(['from-viewer']);
    await new Promise((r) => setTimeout(r, 300));
    expect(a.doc.getArray('log').toArray()).toEqual(['from-owner']);

    closeAll(clients.splice(0));
    await server.destroy(); // flushes the debounced store
    await start();
    const b = open('doc-2', owner.cookie);
    await expect(b.result).resolves.toBe('synced');
    expect(b.doc.getArray('log').toArray()).toEqual(['from-owner']);
  });
});
