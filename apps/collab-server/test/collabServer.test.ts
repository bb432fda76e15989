import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateIdentity, generateSymmetricKey, toBase64Url } from '@coffre/crypto';
import { CalendarModel, EncryptedDocSession, connectHocuspocus, initWire, writeAccessFromKey, type HocuspocusConnection, type WriteAccess } from '@coffre/docs';
import { createStorage, encodeLinkRecordPayload, linkVerifier, type Storage } from '@coffre/storage';
import type { Server } from '@hocuspocus/server';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCollabServer } from '../src/createCollabServer.ts';
import { addUser, cookieSocket, rawClient, type RawClient, type TestUser } from './support.ts';

describe('collab server: authentication, access list, relay, persistence', () => {
  let dir: string;
  let storage: Storage;
  let server: Server;
  let url: string;
  const closers: Array<() => void> = [];

  beforeAll(initWire);

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
    closers.splice(0).forEach((c) => c());
    await server.destroy();
    await storage.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const raw = (name: string, cookie: string | null, token?: string): RawClient => {
    const c = rawClient(url, name, cookie, token);
    closers.push(() => (c.provider.destroy(), c.provider.configuration.websocketProvider.destroy()));
    return c;
  };

  function session(user: TestUser, docId: string, docKey: ReturnType<typeof generateSymmetricKey>): { s: EncryptedDocSession; c: HocuspocusConnection } {
    const s = new EncryptedDocSession({ docId, keys: { current: { epoch: 1, key: docKey } }, identity: user.identity, batchMs: 10 });
    const c = connectHocuspocus(s, { url, WebSocketPolyfill: cookieSocket(user.cookie) });
    closers.push(() => (c.destroy(), s.destroy()));
    return { s, c };
  }

  const synced = (c: HocuspocusConnection) => new Promise<void>((r) => (c.status === 'synced' ? r() : c.onStatus((s) => s === 'synced' && r())));

  it('refuses a connection without a session, with a forged session, and from a non-member', async () => {
    const owner = await addUser(storage, 'owner');
    const stranger = await addUser(storage, 'stranger');
    await storage.documents.create({ docId: 'doc-1', ownerId: owner.userId, createdAt: Date.now() });
    await expect(raw('doc-1', null).result).resolves.toBe('denied');
    await expect(raw('doc-1', 'coffre_session=forged-token-forged-token-forged').result).resolves.toBe('denied');
    await expect(raw('doc-1', stranger.cookie).result).resolves.toBe('denied');
    await expect(raw('no-such-doc', owner.cookie).result).resolves.toBe('denied');
    await expect(raw('doc-1', owner.cookie).result).resolves.toBe('synced');
  });

  it('lets members of a folder open the documents inside it, down the tree, and no one else', async () => {
    const owner = await addUser(storage, 'owner');
    const member = await addUser(storage, 'member');
    const stranger = await addUser(storage, 'stranger');
    await storage.documents.create({ docId: 'folder-a', ownerId: owner.userId, createdAt: Date.now() });
    await storage.documents.create({ docId: 'folder-b', ownerId: owner.userId, parentId: 'folder-a', createdAt: Date.now() });
    await storage.documents.create({ docId: 'doc-in-b', ownerId: owner.userId, parentId: 'folder-b', createdAt: Date.now() });
    await expect(raw('doc-in-b', member.cookie).result).resolves.toBe('denied');
    await storage.members.set('folder-a', member.userId, 'viewer', Date.now());
    await expect(raw('doc-in-b', member.cookie).result).resolves.toBe('synced');
    await expect(raw('doc-in-b', stranger.cookie).result).resolves.toBe('denied');
    // Moved out of the shared folder: access goes with it.
    await storage.documents.setParent('doc-in-b', null);
    await expect(raw('doc-in-b', member.cookie).result).resolves.toBe('denied');
  });

  it('lets a share-link visitor read the linked item and what is under it, read-only, until the link stops', async () => {
    const owner = await addUser(storage, 'owner');
    await storage.documents.create({ docId: 'shared-folder', ownerId: owner.userId, createdAt: Date.now() });
    await storage.documents.create({ docId: 'doc-under', ownerId: owner.userId, parentId: 'shared-folder', createdAt: Date.now() });
    await storage.documents.create({ docId: 'doc-elsewhere', ownerId: owner.userId, createdAt: Date.now() });
    const linkId = 'L'.repeat(43);
    const proof = 'p'.repeat(43);
    const payload = encodeLinkRecordPayload({ verifier: linkVerifier(proof), salt: new Uint8Array(0), sealed: new Uint8Array(8) });
    await storage.links.put({ linkId, itemId: 'shared-folder', creatorUserId: owner.userId, role: 'viewer', payload, expiresAt: null, createdAt: Date.now() });
    const token = `link.${linkId}.${proof}`;
    await expect(raw('doc-under', null, `link.${linkId}.${'q'.repeat(43)}`).result).resolves.toBe('denied');
    await expect(raw('doc-elsewhere', null, token).result).resolves.toBe('denied');
    const visitor = raw('doc-under', null, token);
    await expect(visitor.result).resolves.toBe('synced');
    // Read-only: an append is refused and the connection closed.
    visitor.doc.getArray('log').push([new Uint8Array([1, 2, 3])]);
    await storage.links.delete(linkId);
    const closed = await visitor.closed;
    expect(closed.reason).toMatch(/^coffre:44\d\d:/);
    await expect(raw('doc-under', null, token).result).resolves.toBe('denied');
  });

  it('lets an edit-link visitor write as the identity it names and no other, keeps view-link visitors read-only, until the link stops', async () => {
    const owner = await addUser(storage, 'owner');
    const docId = 'doc-edit-link';
    await storage.documents.create({ docId, ownerId: owner.userId, createdAt: Date.now() });
    const docKey = generateSymmetricKey();
    const putLink = async (linkId: string, proof: string, role: 'viewer' | 'editor') => {
      const payload = encodeLinkRecordPayload({ verifier: linkVerifier(proof), salt: new Uint8Array(0), sealed: new Uint8Array(8) });
      await storage.links.put({ linkId, itemId: docId, creatorUserId: owner.userId, role, payload, expiresAt: null, createdAt: Date.now() });
    };
    const [editLink, viewLink, proof] = ['E'.repeat(43), 'V'.repeat(43), 'p'.repeat(43)];
    await putLink(editLink, proof, 'editor');
    await putLink(viewLink, proof, 'viewer');
    const visitor = (linkId: string, identity: ReturnType<typeof generateIdentity>, named: Uint8Array | null) => {
      const s = new EncryptedDocSession({ docId, keys: { current: { epoch: 1, key: docKey } }, identity, batchMs: 10 });
      const token = `link.${linkId}.${proof}${named ? `.${toBase64Url(named)}` : ''}`;
      const c = connectHocuspocus(s, { url, WebSocketPolyfill: cookieSocket(null), token });
      closers.push(() => (c.destroy(), s.destroy()));
      return { s, c };
    };
    const a = session(owner, docId, docKey);
    const guest = generateIdentity();
    const g = visitor(editLink, guest, guest.signing.publicKey);
    await Promise.all([synced(a.c), synced(g.c)]);
    g.s.doc.getText('t').insert(0, 'written by a guest');
    await expect.poll(() => a.s.doc.getText('t').toString()).toBe('written by a guest');
    expect(g.c.status).toBe('synced');

    // Envelopes signed by another identity than the one the token names are refused, and nothing reaches the owner.
    const impostor = visitor(editLink, generateIdentity(), guest.signing.publicKey);
    await synced(impostor.c);
    impostor.s.doc.getText('t').insert(0, 'impostor ');
    await expect.poll(() => impostor.c.status, { timeout: 5000 }).not.toBe('synced');
    // A view link stays read-only, even naming an identity.
    const viewer = generateIdentity();
    const v = visitor(viewLink, viewer, viewer.signing.publicKey);
    await synced(v.c);
    v.s.doc.getText('t').insert(0, 'viewer ');
    v.s.flush();
    await new Promise((r) => setTimeout(r, 400));
    expect(a.s.doc.getText('t').toString()).toBe('written by a guest');

    // Stopping the edit link closes the guest's connection within seconds.
    await storage.links.delete(editLink);
    await expect.poll(() => g.c.status, { timeout: 6000 }).toBe('denied');
  });

  it('lets an edit-link guest add an event to a calendar in a folder when the link carries its write key, and only then (ADR 0013, 0016)', async () => {
    const owner = await addUser(storage, 'owner');
    await storage.documents.create({ docId: 'cal-folder', ownerId: owner.userId, createdAt: Date.now() });
    await storage.documents.create({ docId: 'cal-linked', ownerId: owner.userId, parentId: 'cal-folder', createdAt: Date.now() });
    const [linkId, proof] = ['C'.repeat(43), 'p'.repeat(43)];
    const payload = encodeLinkRecordPayload({ verifier: linkVerifier(proof), salt: new Uint8Array(0), sealed: new Uint8Array(8) });
    await storage.links.put({ linkId, itemId: 'cal-linked', creatorUserId: owner.userId, role: 'editor', payload, expiresAt: null, createdAt: Date.now() });
    const docKey = generateSymmetricKey();
    const full = writeAccessFromKey(generateSymmetricKey());
    const open = (identity: ReturnType<typeof generateIdentity>, write: WriteAccess, via: { cookie: string | null; token?: string }) => {
      const s = new EncryptedDocSession({ docId: 'cal-linked', keys: { current: { epoch: 1, key: docKey, write } }, identity, batchMs: 10 });
      const c = connectHocuspocus(s, { url, WebSocketPolyfill: cookieSocket(via.cookie), ...(via.token && { token: via.token }) });
      closers.push(() => (c.destroy(), s.destroy()));
      const refused: string[] = [];
      s.onIntegrityError((e) => refused.push(e.code));
      return { s, c, refused, calendar: new CalendarModel(s.doc) };
    };
    const guestVia = (identity: ReturnType<typeof generateIdentity>) => ({ cookie: null, token: `link.${linkId}.${proof}.${toBase64Url(identity.signing.publicKey)}` });
    const a = open(owner.identity, full, { cookie: owner.cookie });
    const guest = generateIdentity();
    const g = open(guest, full, guestVia(guest));
    await Promise.all([synced(a.c), synced(g.c)]);
    const event = { title: 'Added by a guest', location: '', description: '', allDay: false, start: '2031-05-14T09:00', end: '2031-05-14T10:00', timeZone: 'Europe/Paris', reminders: [] };
    const id = g.calendar.addEvent(event);
    await expect.poll(() => a.calendar.getEvent(id)?.title).toBe('Added by a guest');
    expect(a.refused).toEqual([]);

    // A link made without the write key (as before write keys): the server relays the guest, but members apply nothing.
    const keyless = generateIdentity();
    const k = open(keyless, { publicKey: full.publicKey }, guestVia(keyless));
    await synced(k.c);
    expect(k.s.canWrite).toBe(false);
    k.calendar.addEvent({ ...event, title: 'Forged' });
    k.s.flush();
    await expect.poll(() => a.refused).toContain('NOT_A_WRITER');
    expect(a.calendar.listEvents().map((e) => e.title)).toEqual(['Added by a guest']);
  });

  it('lets a folder edit-link guest write the folder and what is under it, down the tree, and nothing else; a view link of the folder stays read-only', async () => {
    const owner = await addUser(storage, 'owner');
    await storage.documents.create({ docId: 'edit-folder', ownerId: owner.userId, createdAt: Date.now() });
    await storage.documents.create({ docId: 'edit-sub', ownerId: owner.userId, parentId: 'edit-folder', createdAt: Date.now() });
    await storage.documents.create({ docId: 'edit-deep-doc', ownerId: owner.userId, parentId: 'edit-sub', createdAt: Date.now() });
    await storage.documents.create({ docId: 'edit-outside', ownerId: owner.userId, createdAt: Date.now() });
    const [editLink, viewLink, proof] = ['F'.repeat(43), 'G'.repeat(43), 'p'.repeat(43)];
    for (const [linkId, role] of [[editLink, 'editor'], [viewLink, 'viewer']] as const) {
      const payload = encodeLinkRecordPayload({ verifier: linkVerifier(proof), salt: new Uint8Array(0), sealed: new Uint8Array(8) });
      await storage.links.put({ linkId, itemId: 'edit-folder', creatorUserId: owner.userId, role, payload, expiresAt: null, createdAt: Date.now() });
    }
    const keys = new Map(['edit-folder', 'edit-deep-doc', 'edit-outside'].map((d) => [d, generateSymmetricKey()]));
    const guest = generateIdentity();
    const visit = (docId: string, linkId: string) => {
      const s = new EncryptedDocSession({ docId, keys: { current: { epoch: 1, key: keys.get(docId)! } }, identity: guest, batchMs: 10 });
      const c = connectHocuspocus(s, { url, WebSocketPolyfill: cookieSocket(null), token: `link.${linkId}.${proof}.${toBase64Url(guest.signing.publicKey)}` });
      closers.push(() => (c.destroy(), s.destroy()));
      return { s, c };
    };
    const folder = session(owner, 'edit-folder', keys.get('edit-folder')!);
    const deep = session(owner, 'edit-deep-doc', keys.get('edit-deep-doc')!);
    const gFolder = visit('edit-folder', editLink);
    const gDeep = visit('edit-deep-doc', editLink);
    await Promise.all([synced(folder.c), synced(deep.c), synced(gFolder.c), synced(gDeep.c)]);
    gFolder.s.doc.getMap('entries').set('renamed', 'by a guest');
    gDeep.s.doc.getText('t').insert(0, 'written two folders down');
    await expect.poll(() => folder.s.doc.getMap('entries').get('renamed')).toBe('by a guest');
    await expect.poll(() => deep.s.doc.getText('t').toString()).toBe('written two folders down');
    // Not a document outside the linked folder.
    await expect(raw('edit-outside', null, `link.${editLink}.${proof}.${toBase64Url(guest.signing.publicKey)}`).result).resolves.toBe('denied');
    // The view link of the same folder reaches the same document, read-only.
    const v = visit('edit-deep-doc', viewLink);
    await synced(v.c);
    v.s.doc.getText('t').insert(0, 'viewer ');
    v.s.flush();
    await new Promise((r) => setTimeout(r, 400));
    expect(deep.s.doc.getText('t').toString()).toBe('written two folders down');
    // Stopping the edit link closes every connection made through it.
    await storage.links.delete(editLink);
    await expect.poll(() => [gFolder.c.status, gDeep.c.status], { timeout: 6000 }).toEqual(['denied', 'denied']);
  });

  it('members refuse what someone without the write key writes, even when the server lets it through (ADR 0016)', async () => {
    const owner = await addUser(storage, 'owner');
    const editor = await addUser(storage, 'editor');
    const reader = await addUser(storage, 'reader');
    await storage.documents.create({ docId: 'doc-w', ownerId: owner.userId, createdAt: Date.now() });
    await storage.members.set('doc-w', editor.userId, 'editor', Date.now());
    // The server's access list is wrong (or hostile): it lets the reader, who holds only the key and the writer, write.
    await storage.members.set('doc-w', reader.userId, 'editor', Date.now());
    const docKey = generateSymmetricKey();
    const full = writeAccessFromKey(generateSymmetricKey());
    const open = (user: TestUser, write: WriteAccess) => {
      const s = new EncryptedDocSession({ docId: 'doc-w', keys: { current: { epoch: 1, key: docKey, write } }, identity: user.identity, batchMs: 10 });
      const c = connectHocuspocus(s, { url, WebSocketPolyfill: cookieSocket(user.cookie) });
      closers.push(() => (c.destroy(), s.destroy()));
      const refused: string[] = [];
      s.onIntegrityError((e) => refused.push(e.code));
      return { s, c, refused };
    };
    const a = open(owner, full);
    const e = open(editor, full);
    const r = open(reader, { publicKey: full.publicKey });
    await Promise.all([synced(a.c), synced(e.c), synced(r.c)]);
    expect(r.s.canWrite).toBe(false);

    r.s.doc.getText('t').insert(0, 'forged by the reader ');
    r.s.flush();
    await expect.poll(() => a.refused).toContain('NOT_A_WRITER');
    await expect.poll(() => e.refused).toContain('NOT_A_WRITER');
    e.s.doc.getText('t').insert(0, 'written by the editor');
    await expect.poll(() => a.s.doc.getText('t').toString()).toBe('written by the editor');
    expect(e.s.doc.getText('t').toString()).toBe('written by the editor');

    // What the server kept of the reader's write is refused again by a member opening later.
    const later = open(owner, { publicKey: full.publicKey });
    await synced(later.c);
    await expect.poll(() => later.s.doc.getText('t').toString()).toBe('written by the editor');
    expect(later.refused).toContain('NOT_A_WRITER');
  });

  it('relays encrypted edits between members, keeps viewers read-only, and persists across a restart', async () => {
    const owner = await addUser(storage, 'owner');
    const viewer = await addUser(storage, 'viewer');
    await storage.documents.create({ docId: 'doc-2', ownerId: owner.userId, createdAt: Date.now() });
    await storage.members.set('doc-2', viewer.userId, 'viewer', Date.now());
    const docKey = generateSymmetricKey();

    const a = session(owner, 'doc-2', docKey);
    const v = session(viewer, 'doc-2', docKey);
    await Promise.all([synced(a.c), synced(v.c)]);
    a.s.doc.getText('t').insert(0, 'hello from the owner');
    await expect.poll(() => v.s.doc.getText('t').toString()).toBe('hello from the owner');

    // Removing someone cuts each of their open connections within seconds (their role is looked up once per
    // pass for all of them); making an editor a viewer cuts theirs too; the others stay.
    const stranger = await addUser(storage, 'late');
    const demoted = await addUser(storage, 'demoted');
    await storage.members.set('doc-2', stranger.userId, 'editor', Date.now());
    await storage.members.set('doc-2', demoted.userId, 'editor', Date.now());
    const l = session(stranger, 'doc-2', docKey);
    const l2 = session(stranger, 'doc-2', docKey);
    const d = session(demoted, 'doc-2', docKey);
    await Promise.all([synced(l.c), synced(l2.c), synced(d.c)]);
    await storage.members.remove('doc-2', stranger.userId);
    await storage.members.set('doc-2', demoted.userId, 'viewer', Date.now());
    await expect.poll(() => [l.c.status, l2.c.status, d.c.status], { timeout: 6000 }).toEqual(['denied', 'denied', 'denied']);
    expect([a.c.status, v.c.status]).toEqual(['synced', 'synced']);

    v.s.doc.getText('t').insert(0, 'viewer was here ');
    v.s.flush();
    await new Promise((r) => setTimeout(r, 300));
    expect(a.s.doc.getText('t').toString()).toBe('hello from the owner');

    closers.splice(0).forEach((c) => c());
    await server.destroy(); // flushes the debounced store
    await start();
    const b = session(owner, 'doc-2', docKey);
    await synced(b.c);
    expect(b.s.doc.getText('t').toString()).toBe('hello from the owner');
    // What the server stored is ciphertext only.
    const stored = Buffer.from((await storage.documents.get('doc-2'))!.state!);
    expect(stored.includes(Buffer.from('hello from the owner'))).toBe(false);
  });
});
