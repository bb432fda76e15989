import '../testing/failOnConsoleError.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveWriteKeyPair, generateSymmetricKey, initCrypto, signWriteCert, type SymmetricKey } from '@coffre/crypto';
import { buildEnvelopeChain, buildAuthor } from '../testing/buildEnvelope.ts';
import { injectIntoLog, logEntries, recordIntegrity, sessionPool, writeAndFlush } from '../testing/buildSession.ts';
import { decodeEnvelope } from '../wire/decodeEnvelope.ts';
import { ENVELOPE } from '../wire/envelopeLayout.ts';
import type { DocKeys, EncryptedDocSession } from './EncryptedDocSession.ts';
import { writeAccessFromKey } from './WriteAccess.ts';

/** ADR 0016: only holders of an item's write key may write it, whatever the server lets through. */
describe('write keys', () => {
  const session = sessionPool();
  const text = (s: EncryptedDocSession) => s.doc.getText('t').toString();
  const codes = (events: { code: string }[]) => events.map((e) => e.code);
  beforeAll(() => initCrypto());

  function buildScene() {
    const key = generateSymmetricKey();
    const writeKey = generateSymmetricKey();
    const full = writeAccessFromKey(writeKey);
    const writerKeys: DocKeys = { current: { epoch: 1, key, write: full } };
    // A viewer holds the document key and the public write key, never the write key.
    const readerKeys: DocKeys = { current: { epoch: 1, key, write: { publicKey: full.publicKey } } };
    return { key, writeKey, full, writerKeys, readerKeys };
  }

  it('a writer certifies its device; readers apply its envelopes and snapshots', () => {
    const s = buildScene();
    const writer = session({ keys: s.writerKeys });
    const reader = session({ keys: s.readerKeys });
    const events = recordIntegrity(reader);
    const env = writeAndFlush(writer, 'hello');
    expect(decodeEnvelope(env).header.writeCert).toHaveLength(ENVELOPE.SIGNATURE_BYTES);
    expect(decodeEnvelope(env).header.version).toBe(ENVELOPE.VERSION);
    injectIntoLog(reader.envelope, [env]);
    expect(text(reader)).toBe('hello');
    const fresh = session({ keys: s.readerKeys });
    fresh.receiveSnapshot(writer.buildSnapshot()!);
    expect(text(fresh)).toBe('hello');
    expect(events).toEqual([]);
    expect(writer.canWrite).toBe(true);
    expect(reader.canWrite).toBe(false);
  });

  it('a viewer who holds the document key cannot write: its envelopes are refused and nothing is applied', () => {
    const s = buildScene();
    const writer = session({ keys: s.writerKeys });
    const viewer = session({ keys: s.readerKeys });
    const events = recordIntegrity(writer);
    const forged = writeAndFlush(viewer, 'forged');
    expect(decodeEnvelope(forged).header.writeCert).toHaveLength(0);
    injectIntoLog(writer.envelope, [forged]);
    expect(codes(events)).toEqual(['NOT_A_WRITER']);
    expect(text(writer)).toBe('');
    // nor as a snapshot: refused when received, and when read as a version
    const snapshot = viewer.buildSnapshot()!;
    writer.receiveSnapshot(snapshot);
    expect(codes(events)).toEqual(['NOT_A_WRITER', 'NOT_A_WRITER']);
    expect(text(writer)).toBe('');
    expect(() => writer.readSnapshot(snapshot)).toThrow(/NOT_A_WRITER/);
    // and the writer goes on
    const reader = session({ keys: s.readerKeys });
    injectIntoLog(reader.envelope, [writeAndFlush(writer, 'real')]);
    expect(text(reader)).toBe('real');
  });

  it('refuses a certificate by another write key, or one made for another device, document or epoch', () => {
    const s = buildScene();
    const reader = session({ keys: s.readerKeys });
    const events = recordIntegrity(reader);
    const { device } = buildAuthor();
    const chain = (writeCert: Uint8Array, overrides: { epoch?: number; key?: SymmetricKey } = {}) =>
      buildEnvelopeChain(['x'], { docId: reader.docId, key: overrides.key ?? s.key, epoch: overrides.epoch ?? 1, device, writeCert });
    const otherWriteKey = deriveWriteKeyPair(generateSymmetricKey());
    injectIntoLog(reader.envelope, chain(signWriteCert(otherWriteKey.secretKey, { docId: reader.docId, epoch: 1, deviceKey: device.publicKey })));
    const stranger = buildAuthor().device;
    injectIntoLog(reader.envelope, chain(signWriteCert(s.full.secretKey!, { docId: reader.docId, epoch: 1, deviceKey: stranger.publicKey })));
    injectIntoLog(reader.envelope, chain(signWriteCert(s.full.secretKey!, { docId: 'doc-other', epoch: 1, deviceKey: device.publicKey })));
    injectIntoLog(reader.envelope, chain(signWriteCert(s.full.secretKey!, { docId: reader.docId, epoch: 2, deviceKey: device.publicKey })));
    expect(codes(events)).toEqual(['NOT_A_WRITER', 'NOT_A_WRITER', 'NOT_A_WRITER', 'NOT_A_WRITER']);
    expect(text(reader)).toBe('');
    // the same device with the right certificate is a writer
    injectIntoLog(reader.envelope, chain(signWriteCert(s.full.secretKey!, { docId: reader.docId, epoch: 1, deviceKey: device.publicKey })));
    expect(text(reader)).toBe('x');
  });

  it('checks each epoch against its own write key after a rotation', () => {
    const s = buildScene();
    const writer = session({ keys: s.writerKeys });
    const before = writeAndFlush(writer, 'one ');
    const key2 = generateSymmetricKey();
    const write2 = writeAccessFromKey(generateSymmetricKey());
    writer.useKey(2, key2, write2);
    const after = writeAndFlush(writer, 'two');
    expect(decodeEnvelope(after).header.epoch).toBe(2);
    const reader = session({ keys: { current: { epoch: 2, key: key2, write: { publicKey: write2.publicKey } }, byEpoch: new Map([[1, s.key]]), writersByEpoch: new Map([[1, s.full.publicKey]]) } });
    const events = recordIntegrity(reader);
    injectIntoLog(reader.envelope, [before, after]);
    expect(text(reader)).toBe('one two');
    expect(events).toEqual([]);
    // someone who kept only the epoch-1 write key cannot write epoch 2
    const oldWriter = session({ keys: { current: { epoch: 2, key: key2, write: s.full } } });
    injectIntoLog(reader.envelope, [writeAndFlush(oldWriter, ' old')]);
    expect(codes(events)).toEqual(['NOT_A_WRITER']);
    expect(text(reader)).toBe('one two');
  });

  it('an epoch made before write keys stays open to any holder of its key, and only that epoch', () => {
    const key = generateSymmetricKey();
    const legacy = session({ keys: { current: { epoch: 1, key } } });
    const reader = session({ keys: { current: { epoch: 1, key } } });
    injectIntoLog(reader.envelope, [writeAndFlush(legacy, 'old document')]);
    expect(text(reader)).toBe('old document');
    expect(logEntries(legacy).every((e) => decodeEnvelope(e).header.writeCert.length === 0)).toBe(true);
  });
});
