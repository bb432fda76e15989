import * as Y from 'yjs';
import { afterEach } from 'vitest';
import { generateIdentity, generateSymmetricKey, type SymmetricKey } from '@coffre/crypto';
import { EncryptedDocSession, type DocKeys, type EncryptedDocOptions, type IntegrityEvent } from '../engine/EncryptedDocSession.ts';
import { ENVELOPE } from '../wire/envelopeLayout.ts';

export function buildDocKeys(key: SymmetricKey = generateSymmetricKey(), epoch = 1): DocKeys {
  return { current: { epoch, key } };
}

/** A session with test defaults: its own identity, a fresh key, and a batch window no test waits for. */
export function buildSession(overrides: Partial<EncryptedDocOptions> = {}): EncryptedDocSession {
  return new EncryptedDocSession({
    docId: 'doc-test',
    keys: overrides.keys ?? buildDocKeys(),
    identity: overrides.identity ?? generateIdentity(),
    batchMs: 60_000,
    ...overrides,
  });
}

/** Call inside a describe: a `buildSession` whose sessions are destroyed after each test. */
export function sessionPool(): (overrides?: Partial<EncryptedDocOptions>) => EncryptedDocSession {
  const sessions: EncryptedDocSession[] = [];
  afterEach(() => {
    for (const s of sessions.splice(0)) s.destroy();
  });
  return (overrides = {}) => {
    const s = buildSession(overrides);
    sessions.push(s);
    return s;
  };
}

/** Every integrity event the session reports from now on. */
export function recordIntegrity(session: EncryptedDocSession): IntegrityEvent[] {
  const events: IntegrityEvent[] = [];
  session.onIntegrityError((e) => events.push(e));
  return events;
}

export function logEntries(session: EncryptedDocSession | Y.Doc): Uint8Array[] {
  const doc = session instanceof Y.Doc ? session : session.envelope;
  return doc.getArray<Uint8Array>(ENVELOPE.LOG).toArray();
}

/** Edits Y.Text('t') at the end and seals the edit into one envelope; returns that envelope. */
export function writeAndFlush(session: EncryptedDocSession, text: string): Uint8Array {
  const t = session.doc.getText('t');
  t.insert(t.length, text);
  session.flush();
  const log = logEntries(session);
  return log[log.length - 1]!;
}

/**
 * Appends envelopes to an envelope document the way a server can: as new log
 * items of a client id of its own, in the given order, in one update.
 */
export function injectIntoLog(target: Y.Doc, envelopes: readonly Uint8Array[]): void {
  const forger = new Y.Doc();
  forger.getArray<Uint8Array>(ENVELOPE.LOG).push([...envelopes]);
  Y.applyUpdate(target, Y.encodeStateAsUpdate(forger), 'server');
}

/** Relays every update between two envelope documents at once, both ways, after a full initial sync. */
export function connectDirect(a: Y.Doc, b: Y.Doc): () => void {
  const aToB = (update: Uint8Array, origin: unknown) => {
    if (origin !== 'from-b') Y.applyUpdate(b, update, 'from-a');
  };
  const bToA = (update: Uint8Array, origin: unknown) => {
    if (origin !== 'from-a') Y.applyUpdate(a, update, 'from-b');
  };
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'from-a');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'from-b');
  a.on('update', aToB);
  b.on('update', bToA);
  return () => {
    a.off('update', aToB);
    b.off('update', bToA);
  };
}
