import { generateSymmetricKey } from '@coffre/crypto';
import { EncryptedDocSession, connectHocuspocus, initWire, readEnvelopeMeta } from '@coffre/docs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addUser, cookieSocket, startTestServer, type TestServer } from './support.ts';

describe('a snapshot committed while a debounced store is writing', () => {
  let test: TestServer;
  let gate: Promise<void> | null = null;
  let storeWaiting!: () => void;
  const closers: Array<() => void> = [];

  beforeAll(async () => {
    await initWire();
    test = await startTestServer('store-race');
    // The debounced store's write (outside any transaction) can be held back; the snapshot's transaction is not.
    const putState = test.storage.documents.putState.bind(test.storage.documents);
    test.storage.documents.putState = async (...args) => {
      if (gate) {
        storeWaiting();
        await gate;
      }
      return putState(...args);
    };
  });
  afterAll(async () => {
    closers.forEach((c) => c());
    await test.stop();
  });

  it('is not undone by the store: the stored state keeps the new snapshot, also after the document is unloaded and loaded again', async () => {
    const owner = await addUser(test.storage, 'owner');
    await test.storage.documents.create({ docId: 'doc-race', ownerId: owner.userId, createdAt: Date.now() });
    const key = generateSymmetricKey();
    const s = new EncryptedDocSession({ docId: 'doc-race', keys: { current: { epoch: 1, key } }, identity: owner.identity, batchMs: 1 });
    const c = connectHocuspocus(s, { url: test.url, WebSocketPolyfill: cookieSocket(owner.cookie), compaction: false });
    closers.push(() => (c.destroy(), s.destroy()));
    await expect.poll(() => c.status).toBe('synced');
    s.doc.getText('t').insert(0, 'one');
    s.flush();
    await expect.poll(() => c.unsynced).toBe(false);
    expect(await c.history.snapshotNow()).toBe(true);
    s.doc.getText('t').insert(3, ' two');
    s.flush();
    await expect.poll(() => c.unsynced).toBe(false);

    // The store encodes the live document, then waits to write it; meanwhile a second snapshot commits.
    let release!: () => void;
    gate = new Promise<void>((r) => (release = r));
    const waiting = new Promise<void>((r) => (storeWaiting = r));
    const document = test.server.hocuspocus.documents.get('doc-race')!;
    const store = test.server.hocuspocus.storeDocumentHooks(document, { instance: test.server.hocuspocus, clientsCount: 1, context: {}, document, documentName: 'doc-race', requestHeaders: {}, requestParameters: new URLSearchParams(), socketId: '' } as never, true);
    await waiting;
    gate = null;
    const second = c.history.snapshotNow();
    await new Promise((r) => setTimeout(r, 300));
    release();
    await store;
    expect(await second).toBe(true);
    const current = (await test.storage.snapshots.current('doc-race'))!.snapshotId;
    expect(readEnvelopeMeta(document).snapshotId).toBe(current);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await test.storage.documents.get('doc-race'))!.state!);
    expect(readEnvelopeMeta(stored).snapshotId).toBe(current);

    // Everyone leaves, the server unloads the document; the same device comes back and syncs without a refusal.
    c.destroy();
    await expect.poll(() => test.server.hocuspocus.documents.has('doc-race'), { timeout: 5000 }).toBe(false);
    const again = connectHocuspocus(s, { url: test.url, WebSocketPolyfill: cookieSocket(owner.cookie), compaction: false });
    closers.push(() => again.destroy());
    await expect.poll(() => again.status, { timeout: 5000 }).toBe('synced');
    s.doc.getText('t').insert(7, ' three');
    s.flush();
    await expect.poll(() => again.unsynced, { timeout: 5000 }).toBe(false);
    expect(again.refused).toBeNull();
  });
});
