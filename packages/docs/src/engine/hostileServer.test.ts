import '../testing/failOnConsoleError.ts';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { constantTimeEqual, generateIdentity, generateSymmetricKey, initCrypto, utf8Encode, type Identity } from '@coffre/crypto';
import { buildAuthor, buildEnvelope, buildEnvelopeChain, buildTextUpdate } from '../testing/buildEnvelope.ts';
import { buildDocKeys, buildSession, recordIntegrity, writeAndFlush } from '../testing/buildSession.ts';
import { envelopeFields, fieldAt } from '../testing/envelopeFields.ts';
import { forgeEnvelope } from '../testing/forgeEnvelope.ts';
import { HostileRelay } from '../testing/HostileRelay.ts';
import { decodeEnvelope } from '../wire/decodeEnvelope.ts';
import { envelopeHash } from '../wire/envelopeHash.ts';
import { ENVELOPE } from '../wire/envelopeLayout.ts';
import type { EncryptedDocSession } from './EncryptedDocSession.ts';

const DOC = 'doc-hostile';

describe('a hostile server between honest peers', () => {
  const sessions: EncryptedDocSession[] = [];
  afterEach(() => {
    for (const s of sessions.splice(0)) s.destroy();
  });
  beforeAll(() => initCrypto());

  /** Alice and Carol write, Bob reads; Bob accepts only the three members' identities. */
  function buildScene(overrides: { docId?: string } = {}) {
    const keys = buildDocKeys();
    const identities = { alice: generateIdentity(), bob: generateIdentity(), carol: generateIdentity() };
    const members: Identity[] = Object.values(identities);
    const isAuthorAllowed = (k: Uint8Array) => members.some((m) => constantTimeEqual(m.signing.publicKey, k));
    const relay = new HostileRelay();
    const make = (identity: Identity, docId = overrides.docId ?? DOC) => {
      const s = relay.attach(buildSession({ docId, keys, identity, isAuthorAllowed }));
      sessions.push(s);
      return s;
    };
    const alice = make(identities.alice);
    const bob = make(identities.bob);
    const carol = make(identities.carol);
    const events = recordIntegrity(bob);
    /** Alice writes each text as its own envelope; returns the envelopes the relay now holds. */
    const aliceWrites = (...texts: string[]) => texts.map((t) => (writeAndFlush(alice, t), relay.upload(alice)[0]!));
    let round = 0;
    /** After an attack, an honest edit from Carol still reaches Bob and applies. */
    const honestStillWorks = () => {
      const word = `[carol ${++round}]`;
      writeAndFlush(carol, word);
      relay.relay(carol, bob);
      expect(text(bob)).toContain(word);
    };
    return { keys, identities, relay, alice, bob, carol, events, make, aliceWrites, honestStillWorks };
  }
  const text = (s: EncryptedDocSession) => s.doc.getText('t').toString();
  const codes = (events: { code: string }[]) => events.map((e) => e.code);

  it('replayed envelopes are ignored: no double insert, nothing reported', () => {
    const s = buildScene();
    const [a1, a2] = s.aliceWrites('one ', 'two ');
    s.relay.deliver(s.bob, [a1!, a2!]);
    s.relay.deliver(s.bob, [a1!]);
    s.relay.deliver(s.bob, [a2!, a1!, a2!]);
    expect(text(s.bob)).toBe('one two ');
    s.honestStillWorks();
    const [a3] = s.aliceWrites('three');
    s.relay.deliver(s.bob, [a1!, a3!, a3!]);
    expect(text(s.bob).replace(/\[carol \d+\]/g, '')).toBe('one two three');
    expect(s.events).toEqual([]);
  });

  it('reordered envelopes are held until the chain is complete, then applied in order', () => {
    const s = buildScene();
    const [a1, a2, a3, a4] = s.aliceWrites('1', '2', '3', '4');
    for (const e of [a4, a2, a3]) s.relay.deliver(s.bob, [e!]);
    expect(s.bob.outOfDate).toBe(true);
    expect(text(s.bob)).toBe('');
    s.relay.deliver(s.bob, [a1!]);
    expect(s.bob.outOfDate).toBe(false);
    expect(text(s.bob)).toBe('1234');
    expect(s.events).toEqual([]);
  });

  it('an envelope dropped in the middle is detected: later ones of that device are held, not merged', () => {
    const s = buildScene();
    const [a1, a2, a3, a4] = s.aliceWrites('1', '2', '3', '4');
    s.relay.deliver(s.bob, [a1!, a3!, a4!]);
    expect(s.bob.outOfDate).toBe(true);
    expect(text(s.bob)).toBe('1');
    s.honestStillWorks(); // other devices are not blocked
    const [a5] = s.aliceWrites('5');
    s.relay.deliver(s.bob, [a5!]);
    expect(text(s.bob)).not.toContain('5');
    expect(s.bob.outOfDate).toBe(true);
    s.relay.deliver(s.bob, [a2!]); // the relay gives up
    expect(s.bob.outOfDate).toBe(false);
    expect(text(s.bob).replace(/\[carol \d+\]/g, '')).toBe('12345');
  });

  it('a forged envelope from an unknown identity or an uncertified device is reported and never applied', () => {
    const s = buildScene();
    const stranger = buildEnvelopeChain(['forged by a stranger'], { docId: DOC, key: s.keys.current.key });
    s.relay.deliver(s.bob, stranger);
    expect(codes(s.events)).toEqual(['NOT_A_WRITER']);
    // Alice's identity key on a device Alice never certified
    const device = { ...buildAuthor().device, identityKey: s.identities.alice.signing.publicKey };
    s.relay.deliver(s.bob, buildEnvelopeChain(['forged as alice'], { docId: DOC, key: s.keys.current.key, device }));
    expect(codes(s.events)).toEqual(['NOT_A_WRITER', 'SIGNATURE_INVALID']);
    // random key, Alice's identity, random device
    s.relay.deliver(s.bob, [buildEnvelope({ docId: DOC, device: { ...buildAuthor().device, identityKey: s.identities.alice.signing.publicKey } }).bytes]);
    expect(s.events).toHaveLength(3);
    expect(text(s.bob)).toBe('');
    s.honestStillWorks();
  });

  it('an unsigned envelope in the name of Alice’s device, at her next seq, is reported; her real one still applies', () => {
    const s = buildScene();
    const [a1, a2] = s.aliceWrites('1', '2');
    s.relay.deliver(s.bob, [a1!]);
    const real = decodeEnvelope(a2!);
    const fake = forgeEnvelope({ header: real.header, sealed: decodeEnvelope(buildEnvelope({ key: generateSymmetricKey() }).bytes).sealed });
    s.relay.deliver(s.bob, [fake]);
    expect(codes(s.events)).toEqual(['SIGNATURE_INVALID']);
    expect(text(s.bob)).toBe('1');
    s.relay.deliver(s.bob, [a2!]);
    expect(text(s.bob)).toBe('12');
    s.honestStillWorks();
  });

  it('an unsigned envelope in the name of Alice’s device, ahead of her chain, cannot block her real envelopes', () => {
    const s = buildScene();
    const [a1, a2, a3] = s.aliceWrites('1', '2', '3');
    s.relay.deliver(s.bob, [a1!]);
    const fake = forgeEnvelope({ header: { ...decodeEnvelope(a3!).header, ts: 1 }, sealed: decodeEnvelope(a3!).sealed });
    s.relay.deliver(s.bob, [fake]);
    expect(codes(s.events), 'a forgery must be reported when it arrives, not held').toEqual(['SIGNATURE_INVALID']);
    s.relay.deliver(s.bob, [a2!, a3!]);
    expect(text(s.bob)).toBe('123');
    expect(s.bob.outOfDate).toBe(false);
  });

  it('an unsigned copy of an applied envelope is a forgery, not equivocation by Alice', () => {
    const s = buildScene();
    const [a1] = s.aliceWrites('1');
    s.relay.deliver(s.bob, [a1!]);
    const env = decodeEnvelope(a1!);
    s.relay.deliver(s.bob, [forgeEnvelope({ header: { ...env.header, ts: env.header.ts + 1 }, sealed: env.sealed })]);
    expect(codes(s.events)).toEqual(['SIGNATURE_INVALID']);
    s.honestStillWorks();
  });

  it('a forged envelope inside a run of Alice’s envelopes delivered at once is reported; those before it apply, those after wait for the real one', () => {
    const s = buildScene();
    const [a1, a2, a3, a4] = s.aliceWrites('1', '2', '3', '4');
    const real = decodeEnvelope(a2!);
    const fake = forgeEnvelope({ header: real.header, sealed: real.sealed, signature: real.signature.map((b, i) => (i === 0 ? b ^ 1 : b)) });
    s.relay.deliver(s.bob, [a1!, fake, a3!, a4!]);
    expect(codes(s.events)).toEqual(['SIGNATURE_INVALID']);
    expect(text(s.bob)).toBe('1');
    expect(s.bob.outOfDate).toBe(true);
    s.relay.deliver(s.bob, [a2!]);
    expect(text(s.bob)).toBe('1234');
    s.honestStillWorks();
  });

  it('a device vouches for its envelopes through the next one’s prevHash, but only for its own identity (ADR 0019)', () => {
    const s = buildScene();
    const carol = buildAuthor({ identity: s.identities.carol });
    const base = { docId: DOC, key: s.keys.current.key };
    // The device signed c2, which names c1's hash: c1 is the device's own, whatever its signature bytes say.
    const c1 = buildEnvelope({ ...base, device: carol.device, update: buildTextUpdate('c1') }).bytes;
    const c1Unsigned = forgeEnvelope({ header: decodeEnvelope(c1).header, sealed: decodeEnvelope(c1).sealed });
    const c2 = buildEnvelope({ ...base, device: carol.device, seq: 2, prevHash: envelopeHash(c1Unsigned), update: buildTextUpdate('') }).bytes;
    const alone = buildSession({ docId: DOC, keys: s.keys });
    const aloneEvents = recordIntegrity(alone);
    sessions.push(alone);
    s.relay.deliver(alone, [c1Unsigned]);
    expect(codes(aloneEvents), 'alone, its own signature is all there is').toEqual(['SIGNATURE_INVALID']);
    s.relay.deliver(s.bob, [c1Unsigned, c2]);
    expect(s.events).toEqual([]);
    expect(text(s.bob)).toBe('c1');
    // The same device naming Alice as its identity: the chain does not make Alice's certificate.
    const mallory = buildAuthor({ identity: s.identities.carol });
    const asAlice = buildEnvelope({ ...base, device: { ...mallory.device, identityKey: s.identities.alice.signing.publicKey }, update: buildTextUpdate('as alice') }).bytes;
    const next = buildEnvelope({ ...base, device: mallory.device, seq: 2, prevHash: envelopeHash(asAlice), update: buildTextUpdate('') }).bytes;
    s.relay.deliver(s.bob, [asAlice, next]);
    expect(codes(s.events)).toEqual(['SIGNATURE_INVALID']);
    expect(text(s.bob)).toBe('c1');
    s.honestStillWorks();
  });

  it('an envelope moved from document A into document B is refused', () => {
    const s = buildScene();
    const aliceOnA = s.make(s.identities.alice, 'doc-a'); // same key for both documents: only the binding stops it
    writeAndFlush(aliceOnA, 'from A');
    s.relay.deliver(s.bob, s.relay.upload(aliceOnA));
    expect(codes(s.events)).toEqual(['WRONG_DOCUMENT']);
    expect(text(s.bob)).toBe('');
    s.honestStillWorks();
  });

  it('a presence envelope moved into the log is refused and does not touch Alice’s chain', () => {
    const s = buildScene();
    const author = buildAuthor({ identity: s.identities.alice });
    const presence = buildEnvelope({ docId: DOC, key: s.keys.current.key, device: author.device, kind: ENVELOPE.KIND_AWARENESS, update: utf8Encode('{"cursor":3}') });
    const updates = buildEnvelopeChain(['p1', 'p2'], { docId: DOC, key: s.keys.current.key, device: author.device });
    expect(() => s.relay.deliver(s.bob, [presence.bytes])).not.toThrow();
    expect(s.events.length).toBeGreaterThan(0);
    s.relay.deliver(s.bob, updates);
    expect(text(s.bob)).toBe('p1p2');
    s.honestStillWorks();
  });

  it('a flipped bit anywhere in an envelope is reported, changes nothing, and the genuine chain still applies', () => {
    const s = buildScene();
    const [a1, a2] = s.aliceWrites('1', '2');
    const fields = envelopeFields(a1!);
    const failures: string[] = [];
    for (let position = 0; position < a1!.length; position++) {
      const bit = position % 8;
      const mutated = a1!.slice();
      mutated[position]! ^= 1 << bit;
      // Alone, and ahead of its genuine successor in one batch (whose prevHash must not vouch for it, ADR 0019).
      for (const batch of [[mutated], [mutated, a2!]]) {
        const reader = buildSession({ docId: DOC, keys: s.keys });
        const events = recordIntegrity(reader);
        s.relay.deliver(reader, batch);
        const reported = events.length > 0;
        const unchanged = text(reader) === '';
        s.relay.deliver(reader, [a1!, a2!]);
        const recovered = text(reader) === '12' && !reader.outOfDate;
        if (!reported || !unchanged || !recovered) {
          failures.push(`${fieldAt(fields, position).name} byte ${position} bit ${bit}, batch of ${batch.length}: reported=${reported} unchanged=${unchanged} recovered=${recovered}`);
        }
        reader.destroy();
      }
    }
    expect(failures, failures.slice(0, 12).join('\n')).toEqual([]);
    expect(envelopeHash(a1!)).toEqual(decodeEnvelope(a2!).header.prevHash);
  });
});
