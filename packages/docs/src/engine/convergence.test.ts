import '../testing/failOnConsoleError.ts';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity, initCrypto, toHex } from '@coffre/crypto';
import { buildDocKeys, buildSession, logEntries, recordIntegrity } from '../testing/buildSession.ts';
import { createRandom, testSeeds, type Random } from '../testing/createRandom.ts';
import { FaultyRelay } from '../testing/FaultyRelay.ts';
import { decodeEnvelope } from '../wire/decodeEnvelope.ts';
import type { EncryptedDocSession, IntegrityEvent } from './EncryptedDocSession.ts';

const DOC = 'doc-converge';
const OPS = 400;

/** One random edit: mostly text inserts and deletes on Y.Text('t'), some Y.Map('m') sets. */
function randomEdit(doc: Y.Doc, random: Random): void {
  const t = doc.getText('t');
  const r = random.next();
  if (r < 0.55 || t.length === 0) t.insert(random.int(t.length + 1), `${random.word(6)} `);
  else if (r < 0.9) {
    const at = random.int(t.length);
    t.delete(at, 1 + random.int(Math.min(6, t.length - at)));
  } else doc.getMap('m').set(`k${random.int(6)}`, random.word(4));
}

const plaintext = (s: EncryptedDocSession) => ({ t: s.doc.getText('t').toString(), m: s.doc.getMap('m').toJSON() });

function runScenario(seed: number) {
  const random = createRandom(seed);
  const keys = buildDocKeys();
  const relay = new FaultyRelay({ docId: DOC, epoch: 1, random, faults: { drop: 0.1, duplicate: 0.1, reorder: 0.3 } });
  const peers = Array.from({ length: 3 + random.int(3) }, (_, i) => {
    const identity = generateIdentity();
    const session = buildSession({ docId: DOC, keys, identity });
    // Yjs client ids decide concurrent-insert order: seed them too, so a seed replays exactly
    session.doc.clientID = 1000 * (i + 1) + random.int(1000);
    session.envelope.clientID = 1_000_000 + 1000 * (i + 1) + random.int(1000);
    const events: IntegrityEvent[] = recordIntegrity(session);
    relay.addPeer(`peer${i}`, session.envelope, { identityKey: identity.signing.publicKey, canWrite: true });
    return { session, events };
  });
  try {
    for (let op = 0; op < OPS; op++) {
      const peer = random.pick(peers);
      randomEdit(peer.session.doc, random);
      if (random.chance(0.3)) peer.session.flush();
      if (random.chance(0.02)) relay.disconnect(random.pick(relay.peers), 1 + random.int(30));
      relay.tick(random.int(5));
    }
    for (const peer of peers) peer.session.flush();
    relay.heal();

    const at = `seed ${seed}`;
    expect(relay.refusals.filter((r) => r.duringResync), `${at}: a resync by state vector was refused`).toEqual([]);
    for (const [i, peer] of peers.entries()) {
      expect(peer.events, `${at}: peer${i} reported integrity errors on an honest network`).toEqual([]);
      expect(peer.session.outOfDate, `${at}: peer${i} out of date after healing`).toBe(false);
      expect(plaintext(peer.session), `${at}: peer${i} diverged from peer0`).toEqual(plaintext(peers[0]!.session));
    }

    // the server kept every envelope once, and each device's chain complete
    const log = logEntries(relay.server);
    const seqs = new Map<string, number[]>();
    for (const bytes of log) {
      const h = decodeEnvelope(bytes).header;
      seqs.set(toHex(h.deviceKey), [...(seqs.get(toHex(h.deviceKey)) ?? []), h.seq]);
    }
    for (const list of seqs.values()) expect([...list].sort((a, b) => a - b), `${at}: a device chain on the server`).toEqual(list.map((_, i) => i + 1));
    expect(new Set(log.map((b) => toHex(b))).size, `${at}: duplicate envelopes on the server`).toBe(log.length);

    // a newcomer decrypting the server's log sees the same document
    const fresh = buildSession({ docId: DOC, keys });
    const freshEvents = recordIntegrity(fresh);
    Y.applyUpdate(fresh.envelope, Y.encodeStateAsUpdate(relay.server));
    expect(freshEvents, `${at}: newcomer integrity errors`).toEqual([]);
    expect(plaintext(fresh), `${at}: server-reconstructed content differs`).toEqual(plaintext(peers[0]!.session));
    fresh.destroy();
    return { refusals: relay.refusals.length, envelopes: log.length, peers: peers.length, text: plaintext(fresh).t.length };
  } finally {
    for (const peer of peers) peer.session.destroy();
  }
}

describe('convergence through a faulty relay that runs the server guard', () => {
  beforeAll(() => initCrypto());

  for (const seed of testSeeds([1, 2, 3, 0xc0ffee])) {
    it(`all peers and the server converge (seed ${seed}; replay with COFFRE_SEED=${seed})`, () => {
      const stats = runScenario(seed);
      // the run must have exercised the recovery path and produced a real document
      expect(stats.refusals, `seed ${seed}: no update was refused, so no reconnect was tested`).toBeGreaterThan(0);
      expect(stats.envelopes, `seed ${seed}`).toBeGreaterThan(50);
      expect(stats.text, `seed ${seed}`).toBeGreaterThan(0);
    });
  }
});
