import '../testing/failOnConsoleError.ts';
import * as Y from 'yjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { constantTimeEqual, generateIdentity, generateSymmetricKey, initCrypto, utf8Encode } from '@coffre/crypto';
import { buildAuthor, buildEnvelope, buildEnvelopeChain } from '../testing/buildEnvelope.ts';
import { buildDocKeys, buildSession, connectDirect, injectIntoLog, logEntries, recordIntegrity, sessionPool, writeAndFlush } from '../testing/buildSession.ts';
import type { EncryptedDocSession } from './EncryptedDocSession.ts';
import { ENVELOPE } from '../wire/envelopeLayout.ts';

describe('EncryptedDocSession', () => {
  const session = sessionPool();
  const text = (s: EncryptedDocSession) => s.doc.getText('t').toString();

  beforeAll(() => initCrypto());
  afterEach(() => {
    vi.useRealTimers();
  });

  it('two sessions with the same key converge through their envelope documents', () => {
    const keys = buildDocKeys();
    const a = session({ keys });
    const b = session({ keys });
    connectDirect(a.envelope, b.envelope);
    a.doc.getText('t').insert(0, 'hello');
    a.flush();
    expect(text(b)).toBe('hello');
    // concurrent edits on both sides, then both flush
    a.doc.getText('t').insert(5, ' world');
    b.doc.getText('t').insert(0, '> ');
    b.doc.getMap('m').set('title', 'T');
    expect(text(a)).toBe('hello world');
    b.flush();
    a.flush();
    expect(text(a)).toBe('> hello world');
    expect(text(b)).toBe(text(a));
    expect(b.doc.getMap('m').toJSON()).toEqual({ title: 'T' });
    expect(a.doc.getMap('m').toJSON()).toEqual({ title: 'T' });
    expect(logEntries(a)).toHaveLength(3);
    expect(a.outOfDate || b.outOfDate).toBe(false);
  });

  it('gathers the local edits of one batch window into one envelope', () => {
    vi.useFakeTimers();
    const keys = buildDocKeys();
    const s = session({ keys, batchMs: 50 });
    const changes = vi.fn();
    s.onChange(changes);
    for (const word of ['a', 'b', 'c']) s.doc.getText('t').insert(0, word);
    expect(s.hasPendingLocalChanges).toBe(true);
    vi.advanceTimersByTime(49);
    expect(logEntries(s)).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(logEntries(s)).toHaveLength(1);
    expect(s.hasPendingLocalChanges).toBe(false);
    expect(changes).toHaveBeenCalledTimes(1);
    s.doc.getText('t').insert(0, 'd');
    vi.advanceTimersByTime(50);
    expect(logEntries(s)).toHaveLength(2);
    // the one envelope carries all three edits
    const reader = session({ keys });
    injectIntoLog(reader.envelope, logEntries(s));
    expect(text(reader)).toBe('dcba');
  });

  it('seals a batch too large for one envelope as several, each under the limit, none lost', () => {
    const keys = buildDocKeys();
    const s = session({ keys });
    // Three transactions of ~900 KB of incompressible text: together far over one envelope's 2 MiB.
    const chunks = [0, 1, 2].map((i) => Array.from({ length: 900_000 }, (_, j) => String.fromCharCode(33 + ((i * 7919 + j * 104729) % 90))).join(''));
    for (const c of chunks) s.doc.getText('t').insert(s.doc.getText('t').length, c);
    s.flush();
    const log = logEntries(s);
    expect(log.length).toBeGreaterThan(1);
    for (const e of log) expect(e.length).toBeLessThanOrEqual(ENVELOPE.MAX_ENVELOPE_BYTES);
    const reader = session({ keys });
    injectIntoLog(reader.envelope, log);
    expect(text(reader)).toBe(chunks.join(''));
  });

  it('never puts the plaintext in the envelope log', () => {
    const canary = 'canary-e2e-51d0';
    const s = session();
    s.doc.getText('t').insert(0, `before ${canary} after`);
    s.doc.getMap('m').set(canary, canary);
    s.flush();
    s.doc.getText('t').insert(3, canary.slice(0, 8));
    s.flush();
    const needle = Buffer.from(utf8Encode(canary));
    for (const entry of logEntries(s)) expect(Buffer.from(entry).includes(needle)).toBe(false);
    expect(Buffer.from(Y.encodeStateAsUpdate(s.envelope)).includes(needle)).toBe(false);
    expect(Buffer.from(Y.encodeStateAsUpdate(s.envelope)).includes(Buffer.from('canary-e'))).toBe(false);
  });

  it('reports DECRYPT_FAILED under the wrong key and applies nothing', () => {
    const writer = session();
    const reader = session();
    const events = recordIntegrity(reader);
    injectIntoLog(reader.envelope, [writeAndFlush(writer, 'secret')]);
    expect(events.map((e) => e.code)).toEqual(['DECRYPT_FAILED']);
    expect(text(reader)).toBe('');
  });

  it('reports NOT_A_WRITER for an author isAuthorAllowed refuses, and applies nothing', () => {
    const keys = buildDocKeys();
    const writer = session({ keys });
    const reader = session({ keys, isAuthorAllowed: () => false });
    const events = recordIntegrity(reader);
    injectIntoLog(reader.envelope, [writeAndFlush(writer, 'hi')]);
    expect(events.map((e) => e.code)).toEqual(['NOT_A_WRITER']);
    expect(text(reader)).toBe('');
  });

  it('ignores replayed and duplicated envelopes', () => {
    const keys = buildDocKeys();
    const writer = session({ keys });
    const reader = session({ keys });
    const events = recordIntegrity(reader);
    const first = writeAndFlush(writer, 'one ');
    const second = writeAndFlush(writer, 'two');
    injectIntoLog(reader.envelope, [first, first, second]);
    injectIntoLog(reader.envelope, [second, first]);
    connectDirect(writer.envelope, reader.envelope); // and the originals, once more
    expect(text(reader)).toBe('one two');
    expect(events).toEqual([]);
    expect(reader.outOfDate).toBe(false);
  });

  it('holds an envelope that arrives before its predecessor, and applies both once the gap fills', () => {
    const keys = buildDocKeys();
    const writer = session({ keys });
    const reader = session({ keys });
    const changes = vi.fn();
    reader.onChange(changes);
    const first = writeAndFlush(writer, 'one ');
    const second = writeAndFlush(writer, 'two');
    injectIntoLog(reader.envelope, [second]);
    expect(reader.outOfDate).toBe(true);
    expect(text(reader)).toBe('');
    expect(changes).toHaveBeenCalled();
    injectIntoLog(reader.envelope, [first]);
    expect(reader.outOfDate).toBe(false);
    expect(text(reader)).toBe('one two');
  });

  it('never shows a well-formed envelope from a device certified by an unknown identity', () => {
    const keys = buildDocKeys();
    const member = generateIdentity();
    const reader = session({ keys, isAuthorAllowed: (k) => constantTimeEqual(k, member.signing.publicKey) });
    const events = recordIntegrity(reader);
    // the forger even holds the document key (a removed member, say)
    const forged = buildEnvelopeChain(['forged'], { docId: reader.docId, key: keys.current.key });
    injectIntoLog(reader.envelope, forged);
    expect(events.map((e) => e.code)).toEqual(['NOT_A_WRITER']);
    expect(text(reader)).toBe('');
    const honest = session({ keys, identity: member });
    injectIntoLog(reader.envelope, [writeAndFlush(honest, 'real')]);
    expect(text(reader)).toBe('real');
  });

  it('opens envelopes of older epochs with byEpoch keys, and reports an unknown epoch', () => {
    const oldKey = generateSymmetricKey();
    const { device } = buildAuthor();
    const reader = session({ keys: { current: { epoch: 2, key: generateSymmetricKey() }, byEpoch: new Map([[1, oldKey]]) } });
    const events = recordIntegrity(reader);
    injectIntoLog(reader.envelope, buildEnvelopeChain(['old'], { docId: reader.docId, epoch: 1, key: oldKey, device }));
    expect(text(reader)).toBe('old');
    injectIntoLog(reader.envelope, buildEnvelopeChain(['future'], { docId: reader.docId, epoch: 9, key: oldKey }));
    expect(events.map((e) => e.code)).toEqual(['UNKNOWN_EPOCH']);
    expect(text(reader)).toBe('old');
  });

  it('reports an envelope whose plaintext is not a Yjs update and still applies the others of the batch', () => {
    const keys = buildDocKeys();
    const reader = session({ keys });
    const events = recordIntegrity(reader);
    const junk = buildEnvelope({ docId: reader.docId, key: keys.current.key, update: Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f) }).bytes;
    const good = buildEnvelopeChain(['good'], { docId: reader.docId, key: keys.current.key });
    expect(() => injectIntoLog(reader.envelope, [junk, ...good])).not.toThrow();
    expect(events.length).toBeGreaterThan(0);
    expect(text(reader)).toBe('good');
  });

  it('seals presence that members open once, and refuses replays, tampering and strangers', () => {
    const keys = buildDocKeys();
    const a = session({ keys });
    const b = session({ keys });
    const state = utf8Encode('{"cursor":4}');
    const first = a.sealPresence(state);
    const second = a.sealPresence(utf8Encode('{"cursor":5}'));
    expect(Buffer.from(first).includes(Buffer.from(state))).toBe(false);
    const opened = b.openPresence(first);
    expect(opened?.state).toEqual(state);
    expect(b.openPresence(first), 'replay').toBeNull();
    expect(b.openPresence(second)?.state).toEqual(utf8Encode('{"cursor":5}'));
    expect(b.openPresence(a.sealPresence(state).map((x, i) => (i === 200 ? x ^ 1 : x))), 'tampered').toBeNull();
    expect(session({ keys, docId: 'doc-other' }).openPresence(a.sealPresence(state)), 'other document').toBeNull();
    expect(session().openPresence(a.sealPresence(state)), 'other key').toBeNull();
    expect(session({ keys, isAuthorAllowed: () => false }).openPresence(a.sealPresence(state)), 'not a member').toBeNull();
    expect(b.openPresence(writeAndFlush(a, 'an update')), 'an update is not presence').toBeNull();
    // and presence is never an update
    const events = recordIntegrity(b);
    injectIntoLog(b.envelope, [a.sealPresence(state)]);
    expect(events.map((e) => e.code)).toEqual(['FORBIDDEN_WRITE']);
    expect(text(b)).toBe('');
  });

  it('after a key rotation, refuses an envelope still sealed under the old key (someone removed who kept it), and takes the new ones', () => {
    const [k1, k2] = [generateSymmetricKey(), generateSymmetricKey()];
    const alice = session({ keys: { current: { epoch: 1, key: k1 } } });
    writeAndFlush(alice, 'before ');
    alice.useKey(2, k2);
    const rotation = alice.buildSnapshot()!;
    const reader = session({ keys: { current: { epoch: 2, key: k2 }, byEpoch: new Map([[1, k1]]) } });
    const events = recordIntegrity(reader);
    reader.receiveSnapshot(rotation);
    expect(text(reader)).toBe('before ');
    // Mallory was removed but kept the old key; the server lets her envelope through.
    injectIntoLog(reader.envelope, buildEnvelopeChain(['mallory was here'], { docId: reader.docId, epoch: 1, key: k1 }));
    expect(events.map((e) => e.code)).toEqual(['STALE_EPOCH']);
    expect(text(reader)).toBe('before ');
    // Before the snapshot the same envelope would have been read: old envelopes stay readable until a rotation covers them.
    const early = session({ keys: { current: { epoch: 2, key: k2 }, byEpoch: new Map([[1, k1]]) } });
    injectIntoLog(early.envelope, buildEnvelopeChain(['old but fine'], { docId: early.docId, epoch: 1, key: k1 }));
    expect(text(early)).toBe('old but fine');
    // Alice goes on under the new key.
    injectIntoLog(reader.envelope, [writeAndFlush(alice, 'after')]);
    expect(text(reader)).toBe('before after');
  });

  it('flushes pending edits on destroy', () => {
    const s = buildSession();
    s.doc.getText('t').insert(0, 'last words');
    const log = s.envelope.getArray('log');
    let seen = 0;
    log.observe(() => (seen = log.length));
    s.destroy();
    expect(seen).toBe(1);
  });
});
