import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSymmetricKey } from '@coffre/crypto';
import { EncryptedDocSession, connectHocuspocus, initWire, type HocuspocusConnection } from '@coffre/docs';
import { createStorage, type Storage } from '@coffre/storage';
import type { Server } from '@hocuspocus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollabServer } from '../src/createCollabServer.ts';
import { addUser, cookieSocket, startTestServer, type TestServer, type TestUser } from './support.ts';

type Peer = { s: EncryptedDocSession; c: HocuspocusConnection; text: () => string; close: () => void };

/** A new connection for the same session (its envelope copy kept): the provider's own reconnect, made explicit. */
function reconnect(p: Peer, url: string, user: TestUser): void {
  p.c.destroy();
  p.c = connectHocuspocus(p.s, { url, WebSocketPolyfill: cookieSocket(user.cookie), compaction: false });
}

function peer(docId: string, key: ReturnType<typeof generateSymmetricKey>, user: TestUser, url: string): Peer {
  const s = new EncryptedDocSession({ docId, keys: { current: { epoch: 1, key } }, identity: user.identity, batchMs: 1 });
  const c = connectHocuspocus(s, { url, WebSocketPolyfill: cookieSocket(user.cookie), compaction: false });
  let closed = false;
  const p: Peer = { s, c, text: () => s.doc.getText('t').toString(), close: () => void (closed || ((closed = true), p.c.destroy(), s.destroy())) };
  return p;
}

describe('relay: an accepted envelope reaches peers before the journal write, the sender’s acknowledgement after it (ADR 0020)', () => {
  let test: TestServer;
  let release!: () => void;
  let gate: Promise<void> | null = null;
  let writes = 0;
  /** The number of entries in each journal commit, in order. */
  const commits: number[] = [];
  const closers: Array<() => void> = [];

  beforeAll(async () => {
    await initWire();
    test = await startTestServer('relay-test', () => undefined);
    const append = test.storage.documents.appendUpdates.bind(test.storage.documents);
    test.storage.documents.appendUpdates = async (entries) => {
      if (gate) await gate;
      writes += entries.length;
      commits.push(entries.length);
      return append(entries);
    };
  });
  afterAll(async () => {
    closers.forEach((c) => c());
    await test.stop();
  });

  /** A document with an owner and an editor, both connected and synced. */
  async function ownerAndEditor(docId: string): Promise<[Peer, Peer]> {
    const owner = await addUser(test.storage, 'owner');
    const editor = await addUser(test.storage, 'editor');
    await test.storage.documents.create({ docId, ownerId: owner.userId, createdAt: Date.now() });
    await test.storage.members.set(docId, editor.userId, 'editor', Date.now());
    const key = generateSymmetricKey();
    const a = peer(docId, key, owner, test.url);
    const b = peer(docId, key, editor, test.url);
    closers.push(a.close, b.close);
    await expect.poll(() => a.c.status === 'synced' && b.c.status === 'synced').toBe(true);
    return [a, b];
  }

  it('shows the keystroke to a peer while its journal write waits, and acknowledges it once written', async () => {
    const [a, b] = await ownerAndEditor('doc-relay');

    gate = new Promise<void>((r) => (release = r));
    const before = writes;
    a.s.doc.getText('t').insert(0, 'relayed first');
    a.s.flush();
    await expect.poll(() => b.text(), { timeout: 5000 }).toBe('relayed first');
    // The journal write has not run, so the sender is not acknowledged yet.
    expect(writes).toBe(before);
    expect(a.c.unsynced).toBe(true);
    release();
    gate = null;
    await expect.poll(() => a.c.unsynced, { timeout: 5000 }).toBe(false);
    expect(writes).toBe(before + 1);
  });

  it('relays a sender’s next envelopes while an earlier one’s write waits, and writes what piled up meanwhile in one commit (ADR 0021)', async () => {
    const [a, b] = await ownerAndEditor('doc-group');

    const journalBefore = (await test.storage.documents.readJournal('doc-group')).length;
    gate = new Promise<void>((r) => (release = r));
    const before = writes;
    const commitsBefore = commits.length;
    const type = async (p: Peer, text: string, expected: string) => {
      const t = p.s.doc.getText('t');
      t.insert(t.length, text);
      p.s.flush();
      await expect.poll(() => (p === a ? b : a).text(), { timeout: 5000 }).toBe(expected);
    };
    // The first write waits at the gate; the guard still checks and relays each next envelope at once.
    await type(a, 'one', 'one');
    await type(a, ' two', 'one two');
    await type(b, ' three', 'one two three');
    expect(writes).toBe(before);
    expect(a.c.unsynced).toBe(true);
    expect(b.c.unsynced).toBe(true);
    release();
    gate = null;
    await expect.poll(() => a.c.unsynced || b.c.unsynced, { timeout: 5000 }).toBe(false);
    // The first envelope's commit, then one commit for the two that came while it waited.
    expect(commits.slice(commitsBefore)).toEqual([1, 2]);
    expect(writes).toBe(before + 3);
    expect((await test.storage.documents.readJournal('doc-group')).length).toBe(journalBefore + 3);
  });
});

describe('a server restored from an older backup gets back what members’ devices hold (ADR 0020)', () => {
  let dir: string;
  let backup: string;
  let port: number;
  let owner: TestUser;
  let editor: TestUser;
  let key: ReturnType<typeof generateSymmetricKey>;
  const DOC = 'doc-restored';
  const closers: Array<() => void> = [];

  /** The real collab server on this data dir and port; `stop` stores every open document and closes the storage. */
  async function start(): Promise<{ storage: Storage; server: Server; url: string; stop(): Promise<void> }> {
    const storage = await createStorage({ driver: 'sqlite', dataDir: dir });
    const server = createCollabServer({ port, storage, secureCookies: false, logSink: () => undefined });
    await server.listen();
    return { storage, server, url: `ws://127.0.0.1:${port}`, stop: async () => (await server.destroy(), await storage.close()) };
  }

  beforeAll(async () => {
    await initWire();
    key = generateSymmetricKey();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'restored-'));
    backup = fs.mkdtempSync(path.join(os.tmpdir(), 'restored-backup-'));
    port = 20000 + Math.floor(Math.random() * 20000);
    const storage = await createStorage({ driver: 'sqlite', dataDir: dir });
    owner = await addUser(storage, 'owner');
    editor = await addUser(storage, 'editor');
    await storage.documents.create({ docId: DOC, ownerId: owner.userId, createdAt: Date.now() });
    await storage.members.set(DOC, editor.userId, 'editor', Date.now());
    await storage.close();
  });
  afterAll(() => {
    closers.forEach((c) => c());
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(backup, { recursive: true, force: true });
  });

  it('takes back the owner’s lost envelope from the editor’s device, though the owner never returns', async () => {
    let server = await start();
    const a = peer(DOC, key, owner, server.url);
    const b = peer(DOC, key, editor, server.url);
    closers.push(a.close, b.close);
    a.s.doc.getText('t').insert(0, 'in the backup.');
    a.s.flush();
    await expect.poll(() => b.text(), { timeout: 5000 }).toBe('in the backup.');
    await expect.poll(() => a.c.unsynced, { timeout: 5000 }).toBe(false);

    // Back up the data dir with the server stopped, then carry on: the owner writes more, which the editor receives.
    await server.stop();
    fs.cpSync(dir, backup, { recursive: true });
    server = await start();
    reconnect(a, server.url, owner);
    reconnect(b, server.url, editor);
    await expect.poll(() => a.c.status === 'synced' && b.c.status === 'synced', { timeout: 10_000 }).toBe(true);
    a.s.doc.getText('t').insert(14, ' Written after it.');
    a.s.flush();
    await expect.poll(() => b.text(), { timeout: 5000 }).toBe('in the backup. Written after it.');
    await expect.poll(() => a.c.unsynced, { timeout: 5000 }).toBe(false);

    // The owner's device goes away for good; the server is restored from the backup.
    a.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(backup, dir, { recursive: true });
    server = await start();
    reconnect(b, server.url, editor);

    // The editor's device syncs back the owner's envelope; the server takes it, and a new device reads it.
    await expect.poll(() => b.c.status, { timeout: 10_000 }).toBe('synced');
    await expect.poll(() => server.server.hocuspocus.documents.get(DOC)?.getArray('log').length, { timeout: 5000 }).toBe(2);
    expect(b.c.refused).toBeNull();
    const c = peer(DOC, key, editor, server.url);
    closers.push(c.close);
    await expect.poll(() => c.text(), { timeout: 5000 }).toBe('in the backup. Written after it.');
    c.close();
    b.close();
    await server.stop();
  });
});
