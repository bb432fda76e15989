import { generateSymmetricKey, type SymmetricKey } from '@coffre/crypto';
import { EncryptedDocSession, connectHocuspocus, initWire, type HocuspocusConnection, type IntegrityEvent, type SnapshotAnchor, type SnapshotCache } from '@coffre/docs';
import type { Storage } from '@coffre/storage';
import type { Extension, onStatelessPayload } from '@hocuspocus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, cookieSocket, startTestServer, type TestServer, type TestUser } from './support.ts';

/** What the server does with a client's hello in a test: what SnapshotExtension does, nothing (a server before ADR 0017), or push a snapshot it picks. */
type HelloAnswer = { kind: 'honest' } | { kind: 'ignore' } | { kind: 'push'; id: string; bytes: Uint8Array; afterMs: number };

/** ADR 0017: the server pushes the current snapshot right after the sync; the client checks it like any other. */
describe('snapshot pushed on connect', () => {
  let test: TestServer;
  let storage: Storage;
  let url: string;
  let owner: TestUser;
  let key: SymmetricKey;
  let answer: HelloAnswer = { kind: 'honest' };
  const closers: Array<() => void> = [];
  const policy = { afterEnvelopes: 6, afterBytes: 1 << 30, jitterMs: 0 };

  beforeAll(async () => {
    await initWire();
    key = generateSymmetricKey();
    // Runs before SnapshotExtension; an error without a message ends the hook chain there, silently.
    const interceptor: Extension = {
      async onStateless({ payload, connection }: onStatelessPayload) {
        if (answer.kind === 'honest' || !payload.startsWith('{"t":"snap-hello"')) return;
        if (answer.kind === 'push') {
          const { id, bytes, afterMs } = answer;
          const send = () => connection.sendStateless(JSON.stringify({ t: 'snap', id, b: Buffer.from(bytes).toString('base64url'), push: true }));
          if (afterMs > 0) setTimeout(send, afterMs);
          else send();
        }
        throw new Error('');
      },
    };
    test = await startTestServer('snap-push-test', (server) => (server.hocuspocus.configuration.extensions as Extension[]).unshift(interceptor));
    ({ storage, url } = test);
    owner = await addUser(storage, 'owner');
  });

  afterAll(async () => {
    closers.forEach((c) => c());
    await test.stop();
  });

  type Client = { s: EncryptedDocSession; c: HocuspocusConnection; errors: IntegrityEvent[]; sent: string[]; pushes: string[] };

  function open(docId: string, opts: { anchor?: SnapshotAnchor; cache?: SnapshotCache } = {}): Client {
    let anchor = opts.anchor ?? null;
    const s = new EncryptedDocSession({
      docId,
      keys: { current: { epoch: 1, key } },
      identity: owner.identity,
      batchMs: 1,
      trustAnchor: opts.anchor ? { get: () => anchor, set: (a) => (anchor = a) } : undefined,
    });
    const errors: IntegrityEvent[] = [];
    s.onIntegrityError((e) => errors.push(e));
    const c = connectHocuspocus(s, { url, WebSocketPolyfill: cookieSocket(owner.cookie), compaction: policy, ...(opts.cache ? { snapshotCache: opts.cache } : {}) });
    // What the client asks of the server, and which snapshots the server pushed to it.
    const sent: string[] = [];
    const pushes: string[] = [];
    const send = c.provider.sendStateless.bind(c.provider);
    c.provider.sendStateless = (payload: string) => (sent.push((JSON.parse(payload) as { t: string }).t), send(payload));
    c.provider.on('stateless', ({ payload }: { payload: string }) => {
      const m = JSON.parse(payload) as { t: string; id?: string; push?: boolean };
      if (m.t === 'snap' && m.push) pushes.push(m.id!);
    });
    closers.push(() => (c.destroy(), s.destroy()));
    return { s, c, errors, sent, pushes };
  }

  /** A document with `snapshots` snapshots and a tail after the last; returns its text and its snapshots, oldest first. */
  async function buildDoc(docId: string, word: string, snapshots: number) {
    await storage.documents.create({ docId, ownerId: owner.userId, createdAt: Date.now() });
    const w = open(docId);
    const text = w.s.doc.getText('t');
    for (let i = 0; (await storage.snapshots.list(docId)).length < snapshots; i++) {
      text.insert(text.length, `${word} ${i}\n`);
      w.s.flush();
      await new Promise((r) => setTimeout(r, 15));
      if (i > 200) throw new Error('no compaction');
    }
    text.insert(text.length, `${word} tail\n`);
    w.s.flush();
    await expect.poll(() => w.c.unsynced, { timeout: 5000 }).toBe(false);
    await expect.poll(async () => (await storage.snapshots.current(docId))?.snapshotId, { timeout: 5000 }).toBe(w.s.currentSnapshotId);
    const records = (await storage.snapshots.list(docId)).sort((a, b) => a.createdAt - b.createdAt);
    const list = [];
    for (const r of records) {
      const chunks: Uint8Array[] = [];
      for await (const chunk of (await storage.blobs.get(r.blobKey))!) chunks.push(chunk);
      list.push({ id: r.snapshotId, chainHash: r.chainHash, bytes: new Uint8Array(Buffer.concat(chunks)) });
    }
    expect(w.errors).toEqual([]);
    return { text: text.toString(), snapshots: list, writer: w };
  }

  it('sends the current snapshot with the sync: a new client never asks for it', async () => {
    answer = { kind: 'honest' };
    const doc = await buildDoc('doc-push', 'pushed', 1);
    const fresh = open('doc-push');
    await expect.poll(() => fresh.s.doc.getText('t').toString(), { timeout: 5000 }).toBe(doc.text);
    expect(fresh.pushes).toEqual([doc.snapshots.at(-1)!.id]);
    expect(fresh.sent).toEqual(['snap-hello']);
    expect(fresh.errors).toEqual([]);
  });

  it('does not send a snapshot the client says it has; the client opens it from its cache', async () => {
    answer = { kind: 'honest' };
    const doc = await buildDoc('doc-cached', 'cached', 1);
    const current = doc.snapshots.at(-1)!;
    const reads: string[] = [];
    const cache: SnapshotCache = {
      get: async (id) => (reads.push(id), id === current.id ? current.bytes : null),
      put: async () => undefined,
    };
    const device = open('doc-cached', { anchor: { snapshotId: current.id, chainHash: current.chainHash }, cache });
    await expect.poll(() => device.s.doc.getText('t').toString(), { timeout: 5000 }).toBe(doc.text);
    expect(reads).toEqual([current.id]);
    expect(device.pushes).toEqual([]);
    expect(device.sent).toEqual(['snap-hello']);
    expect(device.errors).toEqual([]);
  });

  it('asks for the snapshot after PUSH_WAIT_MS when the server ignores the hello (a server before ADR 0017)', async () => {
    answer = { kind: 'honest' };
    const doc = await buildDoc('doc-old-server', 'old', 1);
    answer = { kind: 'ignore' };
    const fresh = open('doc-old-server');
    await expect.poll(() => fresh.s.doc.getText('t').toString(), { timeout: 10_000 }).toBe(doc.text);
    expect(fresh.sent).toEqual(['snap-hello', 'snap-get']);
    expect(fresh.pushes).toEqual([]);
    expect(fresh.errors).toEqual([]);
  });

  it('refuses a pushed snapshot of another document, applies nothing of it, and asks for the one it needs', async () => {
    answer = { kind: 'honest' };
    const other = await buildDoc('doc-other', 'other-secret', 1);
    const doc = await buildDoc('doc-target', 'target', 1);
    const foreign = other.snapshots.at(-1)!;
    answer = { kind: 'push', id: foreign.id, bytes: foreign.bytes, afterMs: 0 };
    const fresh = open('doc-target');
    await expect.poll(() => fresh.errors.map((e) => e.code), { timeout: 5000 }).toEqual(['WRONG_DOCUMENT']);
    await expect.poll(() => fresh.s.doc.getText('t').toString(), { timeout: 5000 }).toBe(doc.text);
    expect(fresh.s.doc.getText('t').toString()).not.toContain('other-secret');
    expect(fresh.s.currentSnapshotId).toBe(doc.snapshots.at(-1)!.id);
    expect(fresh.sent).toEqual(['snap-hello', 'snap-get']);
  });

  it('refuses a pushed snapshot that does not descend from the one this device saw (a rollback), after the sync too', async () => {
    answer = { kind: 'honest' };
    const doc = await buildDoc('doc-rollback', 'rolled', 2);
    const [older, current] = doc.snapshots as [(typeof doc.snapshots)[0], (typeof doc.snapshots)[0]];
    // The device saw `current`; the server pushes `older` once the client has synced and waits for `current`.
    answer = { kind: 'push', id: older.id, bytes: older.bytes, afterMs: 150 };
    const device = open('doc-rollback', { anchor: { snapshotId: current.id, chainHash: current.chainHash } });
    await expect.poll(() => device.errors.map((e) => e.code), { timeout: 5000 }).toEqual(['ROLLBACK']);
    expect(device.pushes).toEqual([older.id]);
    // Refused, it changed nothing; the snapshot wanted all along is then asked for, and it descends from the anchor.
    await expect.poll(() => device.s.doc.getText('t').toString(), { timeout: 5000 }).toBe(doc.text);
    expect(device.s.currentSnapshotId).toBe(current.id);
    expect(device.sent).toEqual(['snap-hello', 'snap-get']);
  });
});
