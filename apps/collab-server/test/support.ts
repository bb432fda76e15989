import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Server } from '@hocuspocus/server';
import { createPublicBundle, generateIdentity, initCrypto, type Identity } from '@coffre/crypto';
import { createStorage, type Storage } from '@coffre/storage';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createCollabServer } from '../src/createCollabServer.ts';

export type TestUser = { userId: string; cookie: string; identity: Identity };

/** A real account row (with a valid self-signed bundle) and a live session cookie. */
export async function addUser(storage: Storage, name: string): Promise<TestUser> {
  await initCrypto();
  const userId = `u${randomBytes(8).toString('hex')}`;
  const username = `${name}-${userId}`;
  const identity = generateIdentity();
  const now = Date.now();
  const filler = () => new Uint8Array(randomBytes(8));
  await storage.accounts.create({
    userId,
    username,
    opaqueRecord: filler(),
    passwordWrappedMasterKey: filler(),
    recoveryWrappedMasterKey: filler(),
    recoveryVerifyKey: new Uint8Array(randomBytes(32)),
    wrappedIdentity: filler(),
    publicBundle: createPublicBundle(identity, { userId, username, createdAt: now }),
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
  return { userId, cookie: `coffre_session=${token}`, identity };
}

/** A ws WebSocket that sends the session cookie, as a browser would. */
export function cookieSocket(cookie: string | null): typeof globalThis.WebSocket {
  class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  return CookieSocket as unknown as typeof globalThis.WebSocket;
}

export type RawClient = { doc: Y.Doc; provider: HocuspocusProvider; result: Promise<'synced' | 'denied'>; closed: Promise<{ code: number; reason: string }> };

/** A plain Hocuspocus client with no Coffre code: what an attacker would run. */
export function rawClient(url: string, name: string, cookie: string | null, token = 'session-cookie'): RawClient {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: cookieSocket(cookie) });
  let settle!: (r: 'synced' | 'denied') => void;
  let onClosed!: (c: { code: number; reason: string }) => void;
  const result = new Promise<'synced' | 'denied'>((r) => (settle = r));
  const closed = new Promise<{ code: number; reason: string }>((r) => (onClosed = r));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    onSynced: () => settle('synced'),
    onAuthenticationFailed: () => settle('denied'),
    onClose: ({ event }) => onClosed({ code: event.code, reason: event.reason }),
  });
  provider.attach();
  return { doc, provider, result, closed };
}

export type TestServer = { storage: Storage; server: Server; url: string; stop(): Promise<void> };

/**
 * The real collab server on port 0, with SQLite storage in a temp dir that
 * `stop` removes. `configure` runs before it listens. Call `initWire()` first.
 */
export async function startTestServer(name: string, configure?: (server: Server) => void): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  const storage = await createStorage({ driver: 'sqlite', dataDir: dir });
  const server = createCollabServer({ port: 0, storage, secureCookies: false, logSink: () => undefined });
  configure?.(server);
  await server.listen();
  return {
    storage,
    server,
    url: `ws://127.0.0.1:${server.address.port}`,
    async stop() {
      await server.destroy();
      await storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
