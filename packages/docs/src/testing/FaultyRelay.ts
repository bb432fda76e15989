import * as Y from 'yjs';
import { DocError, type DocErrorCode } from '../wire/DocError.ts';
import { commitGuardState, loadGuardState, type GuardState } from '../wire/GuardState.ts';
import { validateIncomingUpdate, type Writer } from '../wire/validateIncomingUpdate.ts';
import type { Random } from './createRandom.ts';

/** Probabilities per message: lost, delivered twice, or not delivered oldest-first. */
export type Faults = { drop: number; duplicate: number; reorder: number };

export const NO_FAULTS: Faults = { drop: 0, duplicate: 0, reorder: 0 };

type Link = { online: boolean; up: Uint8Array[]; down: Uint8Array[]; reconnectAt: number };

export type RelayPeer = { readonly name: string; readonly envelope: Y.Doc; readonly writer: Writer; link: Link };

export type Refusal = { peer: string; code: DocErrorCode; duringResync: boolean };

/**
 * An in-memory collab server for one document: a "server" envelope Y.Doc
 * guarded by validateIncomingUpdate, like the Hocuspocus guard extension.
 * Accepted updates are applied and forwarded to the other connected peers.
 * Each link drops, duplicates, delays and reorders messages (seeded). A
 * refused update closes that peer's connection, as Hocuspocus does; the peer
 * comes back later and resyncs by state vector both ways, which resends in
 * order everything the other side lacks.
 */
export class FaultyRelay {
  readonly server = new Y.Doc();
  readonly state: GuardState;
  readonly refusals: Refusal[] = [];
  readonly peers: RelayPeer[] = [];
  faults: Faults;
  private time = 0;

  constructor(private readonly opts: { docId: string; epoch: number; random: Random; faults: Faults }) {
    this.state = loadGuardState(this.server, opts.epoch);
    this.faults = opts.faults;
    this.server.on('update', (update: Uint8Array, origin: unknown) => {
      for (const peer of this.peers) if (peer !== origin && peer.link.online) this.send(peer.link.down, update);
    });
  }

  addPeer(name: string, envelope: Y.Doc, writer: Writer): RelayPeer {
    const peer: RelayPeer = { name, envelope, writer, link: { online: false, up: [], down: [], reconnectAt: 0 } };
    envelope.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this && peer.link.online) this.send(peer.link.up, update);
    });
    this.peers.push(peer);
    this.connect(peer);
    return peer;
  }

  /** Opens a fresh connection: queued messages of the old one are gone; sync step 2 both ways. */
  connect(peer: RelayPeer): void {
    peer.link = { online: true, up: [], down: [], reconnectAt: 0 };
    const fromPeer = Y.encodeStateAsUpdate(peer.envelope, Y.encodeStateVector(this.server));
    if (!this.receive(peer, fromPeer, true)) return;
    Y.applyUpdate(peer.envelope, Y.encodeStateAsUpdate(this.server, Y.encodeStateVector(peer.envelope)), this);
  }

  disconnect(peer: RelayPeer, downtime: number): void {
    peer.link = { online: false, up: [], down: [], reconnectAt: this.time + downtime };
  }

  /** One unit of time: due peers reconnect, then up to `messages` queued messages are delivered. */
  tick(messages: number): void {
    this.time += 1;
    for (const peer of this.peers) if (!peer.link.online && peer.link.reconnectAt <= this.time) this.connect(peer);
    const { random } = this.opts;
    for (let i = 0; i < messages; i++) {
      const busy: [RelayPeer, 'up' | 'down'][] = [];
      for (const peer of this.peers) {
        if (peer.link.up.length > 0) busy.push([peer, 'up']);
        if (peer.link.down.length > 0) busy.push([peer, 'down']);
      }
      if (busy.length === 0) return;
      const [peer, direction] = random.pick(busy);
      const queue = peer.link[direction];
      const index = random.chance(this.faults.reorder) ? random.int(Math.min(queue.length, 4)) : 0;
      const message = queue.splice(index, 1)[0]!;
      if (direction === 'up') this.receive(peer, message, false);
      else Y.applyUpdate(peer.envelope, message, this);
    }
  }

  get idle(): boolean {
    return this.peers.every((p) => p.link.online && p.link.up.length === 0 && p.link.down.length === 0);
  }

  /** Ends every fault, reconnects everyone, delivers everything, then resyncs each peer by state vector. */
  heal(): void {
    this.faults = NO_FAULTS;
    for (let round = 0; round < 100 && !this.idle; round++) {
      for (const peer of this.peers) if (!peer.link.online) peer.link.reconnectAt = 0;
      this.tick(10_000);
    }
    for (const peer of this.peers) this.connect(peer);
    this.tick(10_000);
    if (!this.idle) throw new Error(`relay (seed ${this.opts.random.seed}) did not settle`);
  }

  private send(queue: Uint8Array[], update: Uint8Array): void {
    const { random } = this.opts;
    if (random.chance(this.faults.drop)) return;
    queue.push(update);
    if (random.chance(this.faults.duplicate)) queue.push(update);
  }

  /** The guard, then the store: a refusal changes nothing and closes the connection. */
  private receive(peer: RelayPeer, update: Uint8Array, duringResync: boolean): boolean {
    try {
      commitGuardState(this.state, validateIncomingUpdate(this.server, update, { docId: this.opts.docId, state: this.state, writer: peer.writer }));
    } catch (e) {
      if (!(e instanceof DocError)) throw e;
      this.refusals.push({ peer: peer.name, code: e.code, duringResync });
      this.disconnect(peer, 1 + this.opts.random.int(5));
      return false;
    }
    Y.applyUpdate(this.server, update, peer);
    return true;
  }
}
