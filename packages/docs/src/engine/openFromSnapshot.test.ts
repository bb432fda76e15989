import '../testing/failOnConsoleError.ts';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '@coffre/crypto';
import { buildDocKeys, logEntries, recordIntegrity, sessionPool, writeAndFlush } from '../testing/buildSession.ts';
import { decodeSnapshot } from '../wire/snapshotCodec.ts';
import { ENVELOPE } from '../wire/envelopeLayout.ts';
import { writeEnvelopeMeta } from '../wire/envelopeMeta.ts';
import type { EncryptedDocSession } from './EncryptedDocSession.ts';

/** A new device opens a document from the current snapshot and the envelopes after it. */
describe('opening from a snapshot and its tail', () => {
  const session = sessionPool();
  const text = (s: EncryptedDocSession) => s.doc.getText('t').toString();
  const codes = (events: { code: string }[]) => events.map((e) => e.code);
  const macrotask = () => new Promise((r) => setTimeout(r, 0));
  beforeAll(() => initCrypto());

  /** What the server syncs to a newcomer: meta naming `snapshot`, and the log after it. */
  function syncFromServer(to: EncryptedDocSession, snapshot: Uint8Array, log: Uint8Array[]): void {
    const snap = decodeSnapshot(snapshot);
    const server = new Y.Doc();
    writeEnvelopeMeta(server, { snapshotId: snap.header.snapshotId, chainHash: snap.chainHash, epoch: 1, covered: {} });
    server.getArray<Uint8Array>(ENVELOPE.LOG).push(log);
    Y.applyUpdate(to.envelope, Y.encodeStateAsUpdate(server), 'server');
  }

  /** A writer with 'a' in a snapshot, then 'b' and 'c' as envelopes after it. */
  function buildScene() {
    const keys = buildDocKeys();
    const writer = session({ keys });
    writeAndFlush(writer, 'a');
    const snapshot = writer.buildSnapshot()!;
    const tail = [writeAndFlush(writer, 'b'), writeAndFlush(writer, 'c')];
    return { keys, writer, snapshot, tail };
  }

  it('checks the tail’s signatures while the snapshot is on its way, then applies the tail after it', async () => {
    const s = buildScene();
    const reader = session({ keys: s.keys });
    const events = recordIntegrity(reader);
    const asked: string[] = [];
    reader.onSnapshotWanted((id) => asked.push(id));
    syncFromServer(reader, s.snapshot, s.tail);
    expect(asked).toEqual([decodeSnapshot(s.snapshot).header.snapshotId]);
    await macrotask();
    expect(text(reader)).toBe(''); // nothing applied before the snapshot
    expect((reader as unknown as { checkedAhead: Map<string, unknown> }).checkedAhead.size).toBe(2);
    reader.receiveSnapshot(s.snapshot);
    expect(text(reader)).toBe('abc');
    expect(events).toEqual([]);
  });

  it('still refuses, once the snapshot is in, an envelope with a broken signature, one of another document, and a gap in a chain', async () => {
    const s = buildScene();
    const reader = session({ keys: s.keys });
    const events = recordIntegrity(reader);
    const [b, c] = s.tail as [Uint8Array, Uint8Array];
    const badSignature = b.slice();
    badSignature[badSignature.length - 1]! ^= 1;
    const elsewhere = session({ keys: s.keys, docId: 'another-doc' });
    const foreign = writeAndFlush(elsewhere, 'x');
    // 'b' is missing: 'c' is signed and checked ahead, yet it must wait for its predecessor.
    syncFromServer(reader, s.snapshot, [badSignature, foreign, c]);
    await macrotask();
    expect((reader as unknown as { checkedAhead: Map<string, unknown> }).checkedAhead.size).toBe(1);
    reader.receiveSnapshot(s.snapshot);
    expect(codes(events)).toEqual(['SIGNATURE_INVALID', 'WRONG_DOCUMENT']);
    expect(text(reader)).toBe('a');
    expect(reader.outOfDate).toBe(true);
    syncFromServer(reader, s.snapshot, [b]);
    expect(text(reader)).toBe('abc');
    expect(reader.outOfDate).toBe(false);
  });

  it('applies a snapshot that arrives before the check ahead ran, and the check then finds nothing left', async () => {
    const s = buildScene();
    const reader = session({ keys: s.keys });
    const events = recordIntegrity(reader);
    syncFromServer(reader, s.snapshot, s.tail);
    reader.receiveSnapshot(s.snapshot);
    expect(text(reader)).toBe('abc');
    await macrotask();
    expect((reader as unknown as { checkedAhead: Map<string, unknown> }).checkedAhead.size).toBe(0);
    expect(events).toEqual([]);
  });

  it('seals a local edit that an observer makes while remote changes apply, and seals nothing for the remote changes themselves', async () => {
    const s = buildScene();
    const reader = session({ keys: s.keys });
    const events = recordIntegrity(reader);
    const t = reader.doc.getText('t');
    // Remote transactions are not encoded for sending (the update listener is off during them); this edit runs in a transaction of its own.
    t.observe((_e, tr) => {
      if (!tr.local && !t.toString().startsWith('!')) t.insert(0, '!');
    });
    reader.receiveSnapshot(s.snapshot);
    expect(text(reader)).toBe('!a');
    reader.flush();
    const own = logEntries(reader);
    expect(own).toHaveLength(1);
    syncFromServer(reader, s.snapshot, s.tail);
    expect(text(reader)).toBe('!abc');
    reader.flush();
    expect(logEntries(reader)).toHaveLength(1 + 2); // its own envelope and the tail, nothing sealed for the tail
    const other = session({ keys: s.keys });
    other.receiveSnapshot(s.snapshot);
    syncFromServer(other, s.snapshot, [...s.tail, own[0]!]);
    expect(text(other)).toBe('!abc');
    expect(events).toEqual([]);
  });
});
