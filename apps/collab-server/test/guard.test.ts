import { generateSymmetricKey } from '@coffre/crypto';
import { EncryptedDocSession, ZERO_HASH, connectHocuspocus, createDeviceKey, initWire, sealUpdateEnvelope, type HocuspocusConnection } from '@coffre/docs';
import type { Storage } from '@coffre/storage';
import type { Server } from '@hocuspocus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../src/closeCodes.ts';
import { GuardExtension } from '../src/extensions/GuardExtension.ts';
import { addUser, cookieSocket, rawClient, startTestServer, type TestServer, type TestUser } from './support.ts';

/** Raw Hocuspocus clients (no Coffre code) try every forbidden write; each is refused and changes nothing. */
describe('collab server guard', () => {
  let test: TestServer;
  let storage: Storage;
  let server: Server;
  let url: string;
  let owner: TestUser;
  let stranger: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let honest: { s: EncryptedDocSession; c: HocuspocusConnection };
  const closers: Array<() => void> = [];
  const DOC = 'doc-guard';
  let key: ReturnType<typeof generateSymmetricKey>;

  beforeAll(async () => {
    await initWire();
    key = generateSymmetricKey();
    test = await startTestServer('guard-test');
    ({ storage, server, url } = test);
    owner = await addUser(storage, 'owner');
    stranger = await addUser(storage, 'stranger');
    await storage.documents.create({ docId: DOC, ownerId: owner.userId, createdAt: Date.now() });
    await storage.members.set(DOC, stranger.userId, 'editor', Date.now());
    viewer = await addUser(storage, 'viewer');
    outsider = await addUser(storage, 'outsider');
    await storage.members.set(DOC, viewer.userId, 'viewer', Date.now());
    const s = new EncryptedDocSession({ docId: DOC, keys: { current: { epoch: 1, key } }, identity: owner.identity, batchMs: 5 });
    const c = connectHocuspocus(s, { url, WebSocketPolyfill: cookieSocket(owner.cookie) });
    honest = { s, c };
    closers.push(() => (c.destroy(), s.destroy()));
    s.doc.getText('t').insert(0, 'first');
    for (let i = 0; i < 100 && (server.hocuspocus.documents.get(DOC)?.getArray('log').length ?? 0) < 1; i++) await new Promise((r) => setTimeout(r, 50));
    if (server.hocuspocus.documents.get(DOC)?.getArray('log').length !== 1) throw new Error('setup: honest envelope never arrived');
  });

  afterAll(async () => {
    closers.forEach((c) => c());
    await test.stop();
  });

  const serverState = () => Buffer.from(Y.encodeStateAsUpdate(server.hocuspocus.documents.get(DOC)!)).toString('hex');

  async function attack(write: (doc: Y.Doc) => void): Promise<string> {
    const before = serverState();
    const c = rawClient(url, DOC, owner.cookie);
    closers.push(() => (c.provider.destroy(), c.provider.configuration.websocketProvider.destroy()));
    await expect(c.result).resolves.toBe('synced');
    write(c.doc);
    const closed = await c.closed;
    c.provider.destroy();
    const [, code, reason] = closed.reason.split(':');
    expect(Number(code)).toBe(CLOSE_CODES.UPDATE_REFUSED);
    expect(serverState()).toBe(before);
    return reason!;
  }

  function envelopeBy(user: TestUser, overrides: { seq?: number; docId?: string; epoch?: number } = {}): Uint8Array {
    const scratch = new Y.Doc();
    scratch.getText('t').insert(0, 'injected');
    return sealUpdateEnvelope({
      docId: overrides.docId ?? DOC,
      epoch: overrides.epoch ?? 1,
      key,
      device: createDeviceKey(user.identity),
      seq: overrides.seq ?? 1,
      prevHash: ZERO_HASH,
      baseSnapshotId: '',
      update: Y.encodeStateAsUpdateV2(scratch),
      ts: Date.now(),
    });
  }

  it('tells a Coffre client whose copy the guard refuses which write it refused (and keeps the server state)', async () => {
    const before = serverState();
    const s = new EncryptedDocSession({ docId: DOC, keys: { current: { epoch: 1, key } }, identity: owner.identity, batchMs: 5 });
    // A copy a hostile server once wrote into: a rewritten meta, which the client's sync reply carries to this (honest) server.
    s.envelope.getMap('meta').set('snapshotId', 'rolled-back');
    const c = connectHocuspocus(s, { url, WebSocketPolyfill: cookieSocket(owner.cookie) });
    closers.push(() => (c.destroy(), s.destroy()));
    await expect.poll(() => c.refused, { timeout: 5000 }).toBe('FORBIDDEN_WRITE');
    expect(serverState()).toBe(before);
  });

  it('does not count a write under another key epoch (a race with a key rotation) as a refusal to show', async () => {
    const s = new EncryptedDocSession({ docId: DOC, keys: { current: { epoch: 2, key } }, identity: owner.identity, batchMs: 5 });
    const c = connectHocuspocus(s, { url, WebSocketPolyfill: cookieSocket(owner.cookie) });
    closers.push(() => (c.destroy(), s.destroy()));
    const seen: string[] = [];
    c.onStatus((st) => seen.push(st));
    await expect.poll(() => seen.includes('synced'), { timeout: 5000 }).toBe(true);
    s.doc.getText('t').insert(0, 'under a key the server does not take yet');
    s.flush();
    await expect.poll(() => seen.slice(seen.indexOf('synced')).includes('offline'), { timeout: 5000 }).toBe(true);
    expect(c.refused).toBeNull();
  });

  it('refuses deleting log items', async () => {
    await expect(attack((d) => d.getArray('log').delete(0, 1))).resolves.toBe('DELETE_REFUSED');
  });

  it('refuses writing meta or any other root type', async () => {
    await expect(attack((d) => d.getMap('meta').set('snapshotId', 'forged'))).resolves.toBe('FORBIDDEN_WRITE');
    await expect(attack((d) => d.getText('plain').insert(0, 'plaintext!'))).resolves.toBe('FORBIDDEN_WRITE');
  });

  it('refuses garbage, unsigned and foreign-signed envelopes', async () => {
    await expect(attack((d) => d.getArray('log').push([new Uint8Array([1, 2, 3])]))).resolves.toMatch(/ENVELOPE_MALFORMED|UNSUPPORTED_VERSION/);
    const unsigned = envelopeBy(owner);
    unsigned.fill(0, unsigned.length - 64);
    await expect(attack((d) => d.getArray('log').push([unsigned]))).resolves.toBe('SIGNATURE_INVALID');
    // Validly signed, but by someone who may not write here: another member's envelope passes only if that member is a writer (ADR 0020).
    await expect(attack((d) => d.getArray('log').push([envelopeBy(outsider)]))).resolves.toBe('NOT_A_WRITER');
    await expect(attack((d) => d.getArray('log').push([envelopeBy(viewer)]))).resolves.toBe('NOT_A_WRITER');
  });

  it('refuses broken sequences, other documents and stale epochs', async () => {
    await expect(attack((d) => d.getArray('log').push([envelopeBy(owner, { seq: 2 })]))).resolves.toBe('SEQUENCE_BROKEN');
    await expect(attack((d) => d.getArray('log').push([envelopeBy(owner, { docId: 'other-doc' })]))).resolves.toBe('WRONG_DOCUMENT');
    await expect(attack((d) => d.getArray('log').push([envelopeBy(owner, { epoch: 7 })]))).resolves.toBe('STALE_EPOCH');
  });

  it('keeps serving honest clients after every refusal', async () => {
    honest.s.doc.getText('t').insert(5, ' and second');
    const reader = new EncryptedDocSession({ docId: DOC, keys: { current: { epoch: 1, key } }, identity: stranger.identity });
    const rc = connectHocuspocus(reader, { url, WebSocketPolyfill: cookieSocket(stranger.cookie) });
    closers.push(() => (rc.destroy(), reader.destroy()));
    await expect.poll(() => reader.doc.getText('t').toString()).toBe('first and second');
  });

  it('remembers accepted items only until the document holds them (memory per open document)', async () => {
    const guard = server.hocuspocus.configuration.extensions.find((e): e is GuardExtension => e instanceof GuardExtension)!;
    const doc = server.hocuspocus.documents.get(DOC)!;
    const before = doc.getArray('log').length;
    for (let i = 1; i <= 5; i++) {
      honest.s.doc.getText('t').insert(0, 'x');
      honest.s.flush();
      await expect.poll(() => doc.getArray('log').length).toBe(before + i);
    }
    // Only the last message's item can still be remembered: it is forgotten when the next message is checked.
    expect((await guard.stateOf(doc)).acceptedLogItems.size).toBeLessThanOrEqual(1);
  });
});
