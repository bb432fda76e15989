import { generateSymmetricKey, type SymmetricKey } from '@coffre/crypto';
import { EncryptedDocSession, connectHocuspocus, initWire, type HocuspocusConnection, type IntegrityEvent, type SnapshotAnchor } from '@coffre/docs';
import type { Storage } from '@coffre/storage';
import type { Server } from '@hocuspocus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addUser, cookieSocket, startTestServer, type TestServer, type TestUser } from './support.ts';

describe('snapshots: compaction, cold open from snapshot + tail, rollback refusal', () => {
  let test: TestServer;
  let storage: Storage;
  let server: Server;
  let url: string;
  let owner: TestUser;
  let key: SymmetricKey;
  const closers: Array<() => void> = [];
  const DOC = 'doc-snapshots';
  const policy = { afterEnvelopes: 8, afterBytes: 1 << 30, jitterMs: 0 };

  beforeAll(async () => {
    await initWire();
    key = generateSymmetricKey();
    test = await startTestServer('snap-test');
    ({ storage, server, url } = test);
    owner = await addUser(storage, 'owner');
    await storage.documents.create({ docId: DOC, ownerId: owner.userId, createdAt: Date.now() });
  });

  afterAll(async () => {
    closers.forEach((c) => c());
    await test.stop();
  });

  function open(anchor?: { value: SnapshotAnchor | null }, docId = DOC): { s: EncryptedDocSession; c: HocuspocusConnection; errors: IntegrityEvent[] } {
    const s = new EncryptedDocSession({
      docId,
      keys: { current: { epoch: 1, key } },
      identity: owner.identity,
      batchMs: 1,
      trustAnchor: anchor ? { get: () => anchor.value, set: (a) => (anchor.value = a) } : undefined,
    });
    const errors: IntegrityEvent[] = [];
    s.onIntegrityError((e) => errors.push(e));
    const c = connectHocuspocus(s, { url, WebSocketPolyfill: cookieSocket(owner.cookie), compaction: policy });
    closers.push(() => (c.destroy(), s.destroy()));
    return { s, c, errors };
  }

  const synced = (c: HocuspocusConnection) => new Promise<void>((r) => (c.status === 'synced' ? r() : c.onStatus((s) => s === 'synced' && r())));
  const serverLog = () => server.hocuspocus.documents.get(DOC)?.getArray('log').length ?? -1;

  it('compacts the log into a snapshot, and a new client opens from snapshot + tail', async () => {
    const anchor = { value: null as SnapshotAnchor | null };
    const a = open(anchor);
    const text = a.s.doc.getText('t');
    for (let i = 0; i < 20; i++) {
      text.insert(text.length, `line ${i}\n`);
      a.s.flush();
      await new Promise((r) => setTimeout(r, 15));
    }
    await expect.poll(async () => (await storage.snapshots.list(DOC)).length, { timeout: 5000 }).toBeGreaterThan(0);
    await expect.poll(() => serverLog(), { timeout: 5000 }).toBeLessThan(20);
    const current = (await storage.snapshots.current(DOC))?.snapshotId;
    await expect.poll(() => anchor.value?.snapshotId).toBe(current);
    // The state stored with the snapshot is the live document's, item for item (not a copy under another client id).
    const live = server.hocuspocus.documents.get(DOC)!;
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await storage.documents.get(DOC))!.state!);
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(live));
    expect(stored.getMap('meta').toJSON()).toEqual(live.getMap('meta').toJSON());

    const fresh = open();
    await expect.poll(() => fresh.s.doc.getText('t').toString(), { timeout: 5000 }).toBe(text.toString());
    expect(fresh.s.currentSnapshotId).toBe(a.s.currentSnapshotId);
    expect(fresh.errors).toEqual([]);
    expect(a.errors).toEqual([]);
    // Edits after compaction still flow both ways.
    fresh.s.doc.getText('t').insert(0, 'after: ');
    await expect.poll(() => text.toString().startsWith('after: ')).toBe(true);
    // A second snapshot: the live document has written meta before, and the stored state still matches it.
    for (let i = 0; i < 20; i++) {
      text.insert(text.length, `more ${i}\n`);
      a.s.flush();
      await new Promise((r) => setTimeout(r, 15));
    }
    await expect.poll(async () => (await storage.snapshots.list(DOC)).length, { timeout: 5000 }).toBeGreaterThan(1);
    // (Envelopes may have arrived since; they are in the journal. The server's own items are what must match.)
    const stored2 = new Y.Doc();
    Y.applyUpdate(stored2, (await storage.documents.get(DOC))!.state!);
    expect(Y.getState(stored2.store, live.clientID)).toBe(Y.getState(live.store, live.clientID));
    expect(Y.getState(stored2.store, live.clientID)).toBeGreaterThan(0);
    expect(stored2.getMap('meta').toJSON()).toEqual(live.getMap('meta').toJSON());
  });

  it('carries one change larger than an envelope through the relay in parts, and compacts it into a snapshot a newcomer opens', async () => {
    const docId = 'doc-large-change';
    await storage.documents.create({ docId, ownerId: owner.userId, createdAt: Date.now() });
    const a = open(undefined, docId);
    const b = open(undefined, docId);
    await Promise.all([synced(a.c), synced(b.c)]);
    let x = 9;
    const noise = () => String.fromCharCode(33 + (((x = (x * 1103515245 + 12345) >>> 0) >>> 16) % 90));
    const big = Array.from({ length: 3_500_000 }, noise).join('');
    a.s.doc.getText('t').insert(0, big); // one transaction: four envelopes
    a.s.flush();
    await expect.poll(() => b.s.doc.getText('t').length, { timeout: 20_000 }).toBe(big.length);
    expect(b.s.doc.getText('t').toString()).toBe(big);
    for (let i = 0; i < 6; i++) {
      a.s.doc.getText('t').insert(0, `${i}`);
      a.s.flush();
      await new Promise((r) => setTimeout(r, 15));
    }
    await expect.poll(async () => (await storage.snapshots.list(docId)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    const fresh = open(undefined, docId);
    await expect.poll(() => fresh.s.doc.getText('t').length, { timeout: 20_000 }).toBe(a.s.doc.getText('t').length);
    expect(fresh.s.doc.getText('t').toString()).toBe(a.s.doc.getText('t').toString());
    expect([...a.errors, ...b.errors, ...fresh.errors]).toEqual([]);
  });

  it('after the server reloads a compacted document, a device whose envelopes were all pruned keeps writing, and the next snapshot is accepted', async () => {
    const docId = 'doc-reloaded-after-prune';
    await storage.documents.create({ docId, ownerId: owner.userId, createdAt: Date.now() });
    const s = new EncryptedDocSession({ docId, keys: { current: { epoch: 1, key } }, identity: owner.identity, batchMs: 1 });
    const errors: IntegrityEvent[] = [];
    s.onIntegrityError((e) => errors.push(e));
    const c = connectHocuspocus(s, { url, WebSocketPolyfill: cookieSocket(owner.cookie), compaction: false });
    closers.push(() => (c.destroy(), s.destroy()));
    await synced(c);
    const text = s.doc.getText('t');
    const type = async (words: string) => {
      for (const w of words.split(' ')) {
        text.insert(text.length, `${w} `);
        s.flush();
        await new Promise((r) => setTimeout(r, 5));
      }
      await expect.poll(() => c.unsynced, { timeout: 5000 }).toBe(false);
    };
    await type('every envelope of this device');
    expect(await c.history.snapshotNow()).toBe(true);
    const live = () => server.hocuspocus.documents.get(docId);
    await expect.poll(() => live()?.getArray('log').length, { timeout: 5000 }).toBe(0);
    // The connection drops; with nobody left, the server stores and unloads the document.
    const socket = c.provider.configuration.websocketProvider;
    socket.disconnect();
    await expect.poll(() => live(), { timeout: 5000 }).toBeUndefined();
    // Back online, the same device continues its chain where the snapshot left it.
    void socket.connect();
    await synced(c);
    await type('and it goes on');
    const fresh = open(undefined, docId);
    await expect.poll(() => fresh.s.doc.getText('t').toString(), { timeout: 5000 }).toBe(text.toString());
    expect(await c.history.snapshotNow()).toBe(true);
    expect((await storage.snapshots.list(docId)).length).toBe(2);
    expect([...errors, ...fresh.errors]).toEqual([]);
  });

  it('refuses a server snapshot that does not descend from the one this device saw (rollback/fork)', async () => {
    const forged = { value: { snapshotId: 'a-snapshot-this-server-never-had', chainHash: new Uint8Array(32).fill(7) } as SnapshotAnchor };
    const b = open(forged);
    await expect.poll(() => b.errors.map((e) => e.code), { timeout: 5000 }).toContain('ROLLBACK');
    expect(b.s.doc.getText('t').toString()).toBe('');
  });
});
