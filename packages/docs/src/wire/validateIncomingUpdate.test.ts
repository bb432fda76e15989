import '../testing/failOnConsoleError.ts';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity, generateSymmetricKey, initCrypto, toHex } from '@coffre/crypto';
import { buildAuthor, buildEnvelope, buildEnvelopeChain, buildTextUpdate } from '../testing/buildEnvelope.ts';
import { createRandom } from '../testing/createRandom.ts';
import { encodeRawUpdateV1 } from '../testing/encodeRawUpdate.ts';
import { expectDocError } from '../testing/expectDocError.ts';
import { forgeEnvelope } from '../testing/forgeEnvelope.ts';
import { clientUpdate, guardSnapshot } from '../testing/guardHelpers.ts';
import { DocError, type DocErrorCode } from './DocError.ts';
import { decodeEnvelope } from './decodeEnvelope.ts';
import { envelopeHash } from './envelopeHash.ts';
import { ENVELOPE } from './envelopeLayout.ts';
import { commitGuardState, loadGuardState } from './GuardState.ts';
import { OTHER_AUTHOR, validateIncomingUpdate, type Writer } from './validateIncomingUpdate.ts';

const DOC = 'doc-guard';
const EPOCH = 2;

/** A server envelope document that already holds one envelope of the writer, a client synced to it, and the guard state. */
function buildGuard(overrides: { writer?: Partial<Writer> } = {}) {
  const author = buildAuthor();
  const key = generateSymmetricKey();
  const server = new Y.Doc();
  const state = loadGuardState(server, EPOCH);
  const writer: Writer = { identityKey: author.identity.signing.publicKey, canWrite: true, ...overrides.writer };
  const chain = buildEnvelopeChain(['a', 'b', 'c', 'd'], { docId: DOC, epoch: EPOCH, key, device: author.device });
  const client = new Y.Doc();
  const first = clientUpdate(client, server, (log) => log.push([chain[0]]));
  const owner: Writer = { identityKey: author.identity.signing.publicKey, canWrite: true };
  commitGuardState(state, validateIncomingUpdate(server, first, { docId: DOC, state, writer: owner }));
  Y.applyUpdate(server, first);
  const envelope = (seq: number, over: Parameters<typeof buildEnvelope>[0] = {}) =>
    buildEnvelope({ docId: DOC, epoch: EPOCH, key, device: author.device, seq, prevHash: seq > 1 ? envelopeHash(chain[seq - 2]!) : new Uint8Array(32), ...over }).bytes;
  const validate = (update: Uint8Array) => validateIncomingUpdate(server, update, { docId: DOC, state, writer });
  const heads = (update: Uint8Array) => validate(update).heads;
  /** Appends envelopes to the log of a client synced with the server; returns the update the server would receive. */
  const append = (...envelopes: unknown[]) => clientUpdate(new Y.Doc(), server, (log) => log.push(envelopes));
  return { author, key, server, state, writer, chain, client, envelope, validate, heads, append };
}

type Guard = ReturnType<typeof buildGuard>;

/** The refusal contract: the code, nothing changed in the store or the state, and the genuine next envelope still passes. */
function expectRefused(g: Guard, update: Uint8Array, code: DocErrorCode | readonly DocErrorCode[]): void {
  const before = guardSnapshot(g.server, g.state);
  expectDocError(() => g.validate(update), code);
  expect(guardSnapshot(g.server, g.state)).toBe(before);
  const genuine = clientUpdate(new Y.Doc(), g.server, (log) => log.push([g.chain[1]]));
  expect([...g.heads(genuine).values()].map((c) => c.seq)).toEqual([2]);
}

describe('validateIncomingUpdate', () => {
  beforeAll(() => initCrypto());

  it('accepts a valid appended envelope and returns its device chain head', () => {
    const g = buildGuard();
    const heads = g.heads(g.append(g.chain[1]));
    expect(heads.size).toBe(1);
    expect(heads.get(toHex(g.author.device.publicKey))).toEqual({ seq: 2, hash: envelopeHash(g.chain[1]!) });
    expect(g.state.devices.get(toHex(g.author.device.publicKey))!.seq).toBe(1); // the caller commits, not the guard
  });

  it('accepts two consecutive envelopes in one update', () => {
    const g = buildGuard();
    const heads = g.heads(g.append(g.chain[1], g.chain[2]));
    expect(heads.get(toHex(g.author.device.publicKey))).toEqual({ seq: 3, hash: envelopeHash(g.chain[2]!) });
  });

  it('accepts a chain split over updates once each is committed and applied', () => {
    const g = buildGuard();
    for (const bytes of g.chain.slice(1)) {
      const update = g.append(bytes);
      commitGuardState(g.state, g.validate(update));
      Y.applyUpdate(g.server, update);
    }
    expect(g.server.getArray(ENVELOPE.LOG).length).toBe(4);
    expect(g.state.devices.get(toHex(g.author.device.publicKey))!.seq).toBe(4);
  });

  it('accepts an already-known update with no new heads', () => {
    const g = buildGuard();
    const update = g.append(g.chain[1]);
    commitGuardState(g.state, g.validate(update));
    Y.applyUpdate(g.server, update);
    expect(g.heads(update).size).toBe(0);
    expect(g.heads(Y.encodeStateAsUpdate(g.server)).size).toBe(0);
  });

  it('refuses a delete of a log item', () => {
    const g = buildGuard();
    const update = clientUpdate(g.client, g.server, (log) => log.delete(0, 1));
    expectRefused(g, update, 'DELETE_REFUSED');
    // The refusal names the range (ids and clocks, for the server's log), not what it held.
    const [client] = [...Y.decodeUpdate(update).ds.clients.keys()];
    expect(() => g.validate(update)).toThrow(`DELETE_REFUSED: client ${client} clocks 0+1: not all deleted here`);
  });

  it('refuses writes to meta, to other root types, and non-binary log values', () => {
    const g = buildGuard();
    expectRefused(g, clientUpdate(new Y.Doc(), g.server, (_, c) => c.getMap(ENVELOPE.META).set('epoch', g.chain[1])), 'FORBIDDEN_WRITE');
    expectRefused(g, clientUpdate(new Y.Doc(), g.server, (_, c) => c.getText('x').insert(0, 'hi')), 'FORBIDDEN_WRITE');
    expectRefused(g, clientUpdate(new Y.Doc(), g.server, (_, c) => c.getArray('other').push([g.chain[1]])), 'FORBIDDEN_WRITE');
    expectRefused(g, clientUpdate(new Y.Doc(), g.server, (log) => log.push(['not bytes'])), 'FORBIDDEN_WRITE');
    expectRefused(g, clientUpdate(new Y.Doc(), g.server, (log) => log.push([new Y.Map()])), 'FORBIDDEN_WRITE');
    // a well-signed presence envelope of the writer is not an update: never stored
    expectRefused(g, g.append(g.envelope(2, { kind: ENVELOPE.KIND_AWARENESS })), 'FORBIDDEN_WRITE');
    // a valid envelope followed by a forbidden write in the same update: all or nothing
    expectRefused(g, clientUpdate(new Y.Doc(), g.server, (log, c) => (log.push([g.chain[1]]), c.getMap(ENVELOPE.META).set('k', 1))), 'FORBIDDEN_WRITE');
  });

  it('accepts a resync that repeats deletions the server made itself (compaction)', () => {
    const g = buildGuard();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(g.server));
    g.server.getArray(ENVELOPE.LOG).delete(0, 1); // the server drops envelopes a snapshot covers
    Y.applyUpdate(client, Y.encodeStateAsUpdate(g.server, Y.encodeStateVector(client)));
    client.getArray(ENVELOPE.LOG).push([g.chain[1]]);
    // a reconnect sends everything the server lacks; Yjs always includes the full delete set
    const resync = Y.encodeStateAsUpdate(client, Y.encodeStateVector(g.server));
    expect(Y.decodeUpdate(resync).ds.clients.size).toBe(1);
    expect([...g.heads(resync).values()].map((c) => c.seq)).toEqual([2]);
  });

  it('refuses a binary item whose origin is a meta entry (Yjs would store it under that meta key)', () => {
    const g = buildGuard();
    g.server.getMap(ENVELOPE.META).set('epoch', EPOCH); // written by the server
    const metaItem = g.server.getMap(ENVELOPE.META)._map.get('epoch')!;
    const logItem = g.server.getArray(ENVELOPE.LOG)._start!;
    const attacker = 4242;
    const update = encodeRawUpdateV1([{ client: attacker, clock: 0, origin: metaItem.id, rightOrigin: logItem.id, content: g.chain[1]! }]);
    const copy = copyDoc(g.server);
    Y.applyUpdate(copy, update);
    expect(copy.getMap(ENVELOPE.META).get('epoch'), 'what the update does if stored').toEqual(g.chain[1]);
    expectRefused(g, update, 'FORBIDDEN_WRITE');
  });

  it('does not let a clock gap be filled later with unchecked writes to meta', () => {
    const g = buildGuard();
    g.server.getMap(ENVELOPE.META).set('epoch', EPOCH);
    const client = 0xfffffff0; // a high client id wins Yjs map conflicts without deleting anything itself
    // a valid envelope at clock 2 of a fresh client: Yjs keeps it pending until clocks 0 and 1 arrive
    const gap = encodeRawUpdateV1([{ client, clock: 2, parent: ENVELOPE.LOG, content: g.chain[1]! }]);
    const rogue = new Y.Doc();
    rogue.clientID = client;
    rogue.getMap(ENVELOPE.META).set('epoch', 'rogue');
    rogue.getMap(ENVELOPE.META).set('snapshotId', 'rogue');
    const filler = Y.encodeStateAsUpdate(rogue); // clocks 0 and 1
    const refused: string[] = [];
    for (const update of [gap, filler]) {
      try {
        commitGuardState(g.state, g.validate(update));
        Y.applyUpdate(g.server, update);
      } catch (e) {
        if (!(e instanceof DocError)) throw e;
        refused.push(e.code);
      }
    }
    expect(g.server.getMap(ENVELOPE.META).toJSON()).toEqual({ epoch: EPOCH });
    expect(refused).not.toEqual([]);
  });

  it('still checks structs whose clock range was accepted but is not stored yet', () => {
    const g = buildGuard();
    const client = 4242;
    const accepted = encodeRawUpdateV1([{ client, clock: 0, parent: ENVELOPE.LOG, content: g.chain[1]! }]);
    commitGuardState(g.state, g.validate(accepted)); // Hocuspocus applies it only after the hook resolves
    const rogue = new Y.Doc();
    rogue.clientID = client; // same id and clock, other content
    rogue.getMap(ENVELOPE.META).set('epoch', 'rogue');
    const second = Y.encodeStateAsUpdate(rogue);
    const copy = copyDoc(g.server);
    Y.applyUpdate(copy, second);
    Y.applyUpdate(copy, accepted);
    expect(copy.getMap(ENVELOPE.META).get('epoch'), 'what the two do if stored in this order').toBe('rogue');
    expectDocError(() => g.validate(second), 'FORBIDDEN_WRITE');
  });

  it('refuses bad signatures and device certificates made by another identity', () => {
    const g = buildGuard();
    const genuine = decodeEnvelope(g.chain[1]!);
    const badSignature = forgeEnvelope({ header: genuine.header, sealed: genuine.sealed, signature: genuine.signature.map((b, i) => (i === 0 ? b ^ 1 : b)) });
    expectRefused(g, g.append(badSignature), 'SIGNATURE_INVALID');
    const otherCert = { ...buildAuthor().device, identityKey: g.author.identity.signing.publicKey };
    expectRefused(g, g.append(g.envelope(2, { device: otherCert })), 'SIGNATURE_INVALID');
  });

  it('refuses envelopes of another identity and connections that may not write', () => {
    const g = buildGuard();
    expect(expectDocError(() => g.validate(g.append(buildEnvelope({ docId: DOC, epoch: EPOCH, key: g.key }).bytes)), 'NOT_A_WRITER').detail).toBe(OTHER_AUTHOR);
    const notAWriter = { ...g, validate: (u: Uint8Array) => validateIncomingUpdate(g.server, u, { docId: DOC, state: g.state, writer: { ...g.writer, others: new Set([toHex(generateIdentity().signing.publicKey)]) } }) };
    expectRefused(notAWriter, g.append(buildEnvelope({ docId: DOC, epoch: EPOCH, key: g.key }).bytes), 'NOT_A_WRITER');
    const readOnly = buildGuard({ writer: { canWrite: false } });
    expectDocError(() => readOnly.validate(readOnly.append(readOnly.chain[1])), 'NOT_A_WRITER');
    const stranger = buildGuard({ writer: { identityKey: generateIdentity().signing.publicKey } });
    expectDocError(() => stranger.validate(stranger.append(stranger.chain[1])), 'NOT_A_WRITER');
  });

  it('takes another current writer’s envelope from any writer’s connection, checked like the author’s own (ADR 0020)', () => {
    const g = buildGuard();
    const other = buildAuthor();
    const theirs = buildEnvelopeChain(['x', 'y'], { docId: DOC, epoch: EPOCH, key: g.key, device: other.device });
    const writers = new Set([toHex(other.identity.signing.publicKey)]);
    const handBack = (u: Uint8Array, writer: Partial<Writer> = {}) => validateIncomingUpdate(g.server, u, { docId: DOC, state: g.state, writer: { ...g.writer, others: writers, ...writer } });
    const forwarded = g.append(theirs[0]);
    const before = guardSnapshot(g.server, g.state);
    // Without the document's writers looked up, the guard says so; with them, the envelope passes and heads its device's chain.
    expect(expectDocError(() => g.validate(forwarded), 'NOT_A_WRITER').detail).toBe(OTHER_AUTHOR);
    expect(handBack(forwarded).heads.get(toHex(other.device.publicKey))?.seq).toBe(1);
    // Still a connection that may write, and still the author's chain, document and epoch.
    expectDocError(() => handBack(forwarded, { canWrite: false }), 'NOT_A_WRITER');
    expectDocError(() => handBack(g.append(theirs[1])), 'SEQUENCE_BROKEN');
    expectDocError(() => handBack(g.append(buildEnvelope({ docId: 'doc-other', epoch: EPOCH, key: g.key, device: other.device }).bytes)), 'WRONG_DOCUMENT');
    const tampered = decodeEnvelope(theirs[0]!);
    expectDocError(() => handBack(g.append(forgeEnvelope({ header: tampered.header, sealed: tampered.sealed, signature: tampered.signature.map((b, i) => (i === 0 ? b ^ 1 : b)) }))), 'SIGNATURE_INVALID');
    expect(guardSnapshot(g.server, g.state)).toBe(before); // validation alone changes nothing
  });

  it('refuses another document and another epoch', () => {
    const g = buildGuard();
    expectRefused(g, g.append(g.envelope(2, { docId: 'doc-other' })), 'WRONG_DOCUMENT');
    expectRefused(g, g.append(g.envelope(2, { epoch: EPOCH - 1 })), 'STALE_EPOCH');
    expectRefused(g, g.append(g.envelope(2, { epoch: EPOCH + 1 })), 'STALE_EPOCH');
  });

  it('refuses a seq gap, a repeated seq and a wrong prevHash', () => {
    const g = buildGuard();
    expectRefused(g, g.append(g.chain[2]), 'SEQUENCE_BROKEN');
    expectRefused(g, g.append(g.envelope(1, { prevHash: new Uint8Array(32), update: buildTextUpdate('again') })), 'SEQUENCE_BROKEN');
    expectRefused(g, g.append(g.envelope(2, { prevHash: envelopeHash(g.chain[1]!) })), 'SEQUENCE_BROKEN');
    expectRefused(g, g.append(g.chain[1], g.chain[3]), 'SEQUENCE_BROKEN');
    expectRefused(g, g.append(g.chain[1], g.chain[1]), 'SEQUENCE_BROKEN'); // the same envelope twice in new items
  });

  it('refuses garbage: not a Yjs update, or log bytes that are not an envelope', () => {
    const random = createRandom(7);
    const g = buildGuard();
    for (let i = 0; i < 20; i++) {
      const garbage = Uint8Array.of(0xff, ...random.bytes(40));
      expectRefused(g, garbage, 'ENVELOPE_MALFORMED');
    }
    expectRefused(g, g.append(Uint8Array.of(1, 1, ...random.bytes(60))), 'ENVELOPE_MALFORMED');
    expectRefused(g, g.append(g.chain[1]!.subarray(0, 100)), 'ENVELOPE_MALFORMED');
    expectRefused(g, g.append(Uint8Array.of(9, 1, 0)), 'UNSUPPORTED_VERSION');
    expectRefused(g, g.append(new Uint8Array(ENVELOPE.MAX_ENVELOPE_BYTES + 1)), 'ENVELOPE_TOO_LARGE');
  });

  it('loadGuardState rebuilds each device head from the stored log, skipping unreadable items', () => {
    const g = buildGuard();
    const other = buildAuthor({ identity: g.author.identity });
    const second = buildEnvelopeChain(['x', 'y'], { docId: DOC, epoch: EPOCH, key: g.key, device: other.device });
    for (const bytes of [g.chain[1], second[0], second[1], g.chain[2]]) {
      const update = g.append(bytes);
      commitGuardState(g.state, g.validate(update));
      Y.applyUpdate(g.server, update);
    }
    Y.applyUpdate(g.server, clientUpdate(new Y.Doc(), g.server, (log) => log.push([Uint8Array.of(1, 2, 3)]))); // pruned junk, stored unguarded
    const rebuilt = loadGuardState(g.server, EPOCH);
    expect(rebuilt.devices).toEqual(g.state.devices);
    expect(rebuilt.devices.get(toHex(other.device.publicKey))).toEqual({ seq: 2, hash: envelopeHash(second[1]!) });
    expect(rebuilt.devices.get(toHex(g.author.device.publicKey))).toEqual({ seq: 3, hash: envelopeHash(g.chain[2]!) });
    expect([...g.heads(g.append(g.chain[3])).values()][0]!.seq).toBe(4);
    const empty = loadGuardState(new Y.Doc(), 5);
    expect(empty.epoch).toBe(5);
    expect(empty.devices.size).toBe(0);
  });
  it('loadGuardState takes a pruned device’s head from the current snapshot, and the log’s head where it is higher', () => {
    const g = buildGuard();
    const other = buildAuthor({ identity: g.author.identity });
    const otherKey = toHex(other.device.publicKey);
    const own = toHex(g.author.device.publicKey);
    // The log holds the author's envelope 1; the snapshot says it covered the author up to 1 (with some hash) and the other device, wholly pruned, up to 7.
    const covered = [
      { deviceKey: g.author.device.publicKey, seq: 1, hash: new Uint8Array(32).fill(9) },
      { deviceKey: other.device.publicKey, seq: 7, hash: new Uint8Array(32).fill(7) },
    ];
    const rebuilt = loadGuardState(g.server, EPOCH, covered);
    expect(rebuilt.devices.get(otherKey)).toEqual({ seq: 7, hash: new Uint8Array(32).fill(7) });
    // Equal seq: the log's own envelope stands (the entry was checked against it when the snapshot was committed).
    expect(rebuilt.devices.get(own)).toEqual({ seq: 1, hash: envelopeHash(g.chain[0]!) });
    const lower = loadGuardState(g.server, EPOCH, [{ deviceKey: g.author.device.publicKey, seq: 0, hash: new Uint8Array(32) }]);
    expect(lower.devices.get(own)).toEqual({ seq: 1, hash: envelopeHash(g.chain[0]!) });
    // The pruned device continues at 8 after the snapshot's hash, and nowhere else.
    const next = (seq: number, prevHash: Uint8Array) => buildEnvelope({ docId: DOC, epoch: EPOCH, key: g.key, device: other.device, seq, prevHash }).bytes;
    const ctx = { docId: DOC, state: rebuilt, writer: g.writer };
    expectDocError(() => validateIncomingUpdate(g.server, g.append(next(1, new Uint8Array(32))), ctx), 'SEQUENCE_BROKEN');
    expectDocError(() => validateIncomingUpdate(g.server, g.append(next(8, new Uint8Array(32))), ctx), 'SEQUENCE_BROKEN');
    expect(validateIncomingUpdate(g.server, g.append(next(8, new Uint8Array(32).fill(7))), ctx).heads.get(otherKey)!.seq).toBe(8);
  });
});

function copyDoc(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
