import '../testing/failOnConsoleError.ts';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto, utf8Encode } from '@coffre/crypto';
import { buildAuthor, buildSealInput } from '../testing/buildEnvelope.ts';
import { buildDocKeys, injectIntoLog, logEntries, recordIntegrity, sessionPool, writeAndFlush } from '../testing/buildSession.ts';
import { ENVELOPE, ZERO_HASH } from '../wire/envelopeLayout.ts';
import { envelopeHash } from '../wire/envelopeHash.ts';
import type { EncryptedDocSession } from './EncryptedDocSession.ts';
import { sealUpdateEnvelope } from './sealUpdateEnvelope.ts';
import { deviceFields, sealAndSign } from './sealAndSign.ts';
import { encodeEnvelopeHeader } from '../wire/encodeEnvelopeHeader.ts';

/** Text that does not compress: `n` printable characters from a fixed seed. */
function noise(n: number, seed = 1): string {
  let x = seed;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = String.fromCharCode(33 + ((x >>> 16) % 90));
  }
  return out.join('');
}

describe('changes larger than one envelope', () => {
  const session = sessionPool();
  const text = (s: EncryptedDocSession) => s.doc.getText('t').toString();

  beforeAll(() => initCrypto());

  it('go out as consecutive envelopes under the limit, and a reader applies the change only once every part is in', () => {
    const keys = buildDocKeys();
    const writer = session({ keys });
    writeAndFlush(writer, 'before ');
    const big = noise(2_600_000);
    writer.doc.getText('t').insert(writer.doc.getText('t').length, big); // one transaction
    writer.flush();
    const log = logEntries(writer);
    const parts = log.slice(1);
    expect(parts.length).toBe(3);
    for (const e of log) expect(e.length).toBeLessThanOrEqual(ENVELOPE.MAX_ENVELOPE_BYTES);

    const reader = session({ keys });
    const events = recordIntegrity(reader);
    injectIntoLog(reader.envelope, [log[0]!]);
    expect(text(reader)).toBe('before ');
    // the last part first, then the others: nothing of the change shows, and no snapshot is built, until all are in
    injectIntoLog(reader.envelope, [parts[2]!]);
    injectIntoLog(reader.envelope, [parts[0]!]);
    expect(text(reader)).toBe('before ');
    expect(reader.outOfDate).toBe(true);
    expect(reader.buildSnapshot()).toBeNull();
    injectIntoLog(reader.envelope, [parts[1]!]);
    expect(text(reader)).toBe(`before ${big}`);
    expect(reader.outOfDate).toBe(false);
    expect(events).toEqual([]);

    // a snapshot built by the reader covers the change, and a newcomer opens it from that alone
    const snapshot = reader.buildSnapshot();
    expect(snapshot).not.toBeNull();
    const newcomer = session({ keys });
    newcomer.receiveSnapshot(snapshot!);
    expect(text(newcomer)).toBe(`before ${big}`);
    // later edits of the writer continue its chain
    writeAndFlush(writer, ' after');
    injectIntoLog(newcomer.envelope, logEntries(writer).slice(-1));
    expect(text(newcomer)).toBe(`before ${big} after`);
  });

  it('refuses to send one change over MAX_CHANGE_BYTES, says so, and sends nothing after it', () => {
    const keys = buildDocKeys();
    const writer = session({ keys });
    const events = recordIntegrity(writer);
    writeAndFlush(writer, 'saved');
    writer.doc.getText('t').insert(5, noise(ENVELOPE.MAX_CHANGE_BYTES + 1000));
    writer.flush();
    expect(events.map((e) => e.code)).toEqual(['CHANGE_TOO_LARGE']);
    expect(writer.sendingStopped).toBe('CHANGE_TOO_LARGE');
    expect(logEntries(writer)).toHaveLength(1);
    writeAndFlush(writer, ' more');
    expect(logEntries(writer)).toHaveLength(1);
    expect(writer.buildSnapshot()).toBeNull();
    // what was saved before is intact for everyone else
    const reader = session({ keys });
    injectIntoLog(reader.envelope, logEntries(writer));
    expect(text(reader)).toBe('saved');
  });

  it('refuses parts that add up to more than MAX_CHANGE_BYTES, and applies none of them', () => {
    const keys = buildDocKeys();
    const reader = session({ keys });
    const events = recordIntegrity(reader);
    const { device } = buildAuthor();
    const source = new Y.Doc();
    source.getText('t').insert(0, noise(ENVELOPE.MAX_CHANGE_BYTES + 2 * 1024 * 1024, 7));
    const update = Y.encodeStateAsUpdateV2(source);
    const step = 1024 * 1024;
    const forged: Uint8Array[] = [];
    let prevHash: Uint8Array = ZERO_HASH;
    for (let at = 0, seq = 1; at < update.length; at += step, seq++) {
      const bytes = sealUpdateEnvelope(
        buildSealInput({
          docId: reader.docId,
          key: keys.current.key,
          device,
          seq,
          prevHash,
          update: update.subarray(at, at + step),
          more: at + step < update.length,
        }),
      );
      prevHash = envelopeHash(bytes);
      forged.push(bytes);
    }
    injectIntoLog(reader.envelope, forged);
    expect(events.map((e) => e.code)).toEqual(['ENVELOPE_TOO_LARGE']);
    expect(text(reader)).toBe('');
    expect(reader.outOfDate).toBe(true);
  });

  it('never takes a part as presence, and holds a first part until its continuation comes', () => {
    const keys = buildDocKeys();
    const reader = session({ keys });
    const { device } = buildAuthor();
    const source = new Y.Doc();
    source.getText('t').insert(0, 'half of a change');
    const update = Y.encodeStateAsUpdateV2(source);
    const first = sealUpdateEnvelope(
      buildSealInput({
        docId: reader.docId,
        key: keys.current.key,
        device,
        update: update.subarray(0, 8),
        more: true,
      }),
    );
    expect(() =>
      sealUpdateEnvelope(
        buildSealInput({
          docId: reader.docId,
          key: keys.current.key,
          kind: ENVELOPE.KIND_AWARENESS,
          more: true,
        }),
      ),
    ).toThrow(RangeError);
    // presence marked as a part, sealed by hand as a hostile member could: refused
    const presence = buildSealInput({
      docId: reader.docId,
      key: keys.current.key,
      device,
      kind: ENVELOPE.KIND_AWARENESS,
      update: utf8Encode('{}'),
    });
    const header = encodeEnvelopeHeader({
      version: ENVELOPE.VERSION,
      kind: ENVELOPE.KIND_AWARENESS,
      docId: reader.docId,
      epoch: 1,
      ...deviceFields(device),
      seq: 1,
      prevHash: ZERO_HASH,
      baseSnapshotId: '',
      ts: presence.ts,
    });
    expect(reader.openPresence(sealAndSign(ENVELOPE.KIND_AWARENESS, header, presence.update, keys.current.key, device, { more: true }))).toBeNull();
    expect(reader.openPresence(sealAndSign(ENVELOPE.KIND_AWARENESS, header, presence.update, keys.current.key, device))).not.toBeNull();
    injectIntoLog(reader.envelope, [first]);
    expect(text(reader)).toBe('');
    expect(reader.outOfDate).toBe(true);
    // its continuation, when it comes, completes it
    const second = sealUpdateEnvelope(
      buildSealInput({
        docId: reader.docId,
        key: keys.current.key,
        device,
        seq: 2,
        prevHash: envelopeHash(first),
        update: update.subarray(8),
      }),
    );
    injectIntoLog(reader.envelope, [second]);
    expect(text(reader)).toBe('half of a change');
    expect(reader.outOfDate).toBe(false);
  });

  it('keeps edits made offline in groups of bounded size, so that after a reload more than one change worth of them still goes out', () => {
    const keys = buildDocKeys();
    const offline = session({ keys });
    offline.setOnline(false);
    let pending: Uint8Array[] | null = null;
    offline.onPendingChange((p) => (pending = p));
    // About 5 MB typed offline in 50 transactions: more than one change may be.
    for (let i = 0; i < 50; i++) offline.doc.getText('t').insert(offline.doc.getText('t').length, noise(100_000, i + 11));
    expect(pending!.length).toBeGreaterThanOrEqual(5);
    for (const group of pending!) expect(group.length).toBeLessThanOrEqual(1024 * 1024 + 110_000);
    // The next session (after a reload) restores them and sends all of it, in envelopes under the limit.
    const next = session({ keys });
    const events = recordIntegrity(next);
    next.restorePending(pending!);
    next.flush();
    expect(events).toEqual([]);
    expect(next.sendingStopped).toBeNull();
    for (const e of logEntries(next)) expect(e.length).toBeLessThanOrEqual(ENVELOPE.MAX_ENVELOPE_BYTES);
    const reader = session({ keys });
    injectIntoLog(reader.envelope, logEntries(next));
    expect(text(reader)).toBe(text(offline));
  });
});
