import * as Y from 'yjs';
import { toHex } from '@coffre/crypto';
import { decodeEnvelope } from './decodeEnvelope.ts';
import { envelopeHash } from './envelopeHash.ts';
import { ENVELOPE } from './envelopeLayout.ts';
import type { CoveredEntry } from './SnapshotHeader.ts';

export type DeviceChain = { seq: number; hash: Uint8Array };

/**
 * What the guard remembers per document: the current epoch, each device's
 * last envelope, and what it accepted but the document may not contain yet
 * (Hocuspocus applies a message only after the hook resolves, so the next
 * message can be checked first).
 */
export type GuardState = {
  epoch: number;
  devices: Map<string, DeviceChain>;
  /** Yjs client id → end of the clock range accepted so far. */
  acceptedClocks: Map<number, number>;
  /** `client:clock` → envelope hash (hex) of accepted log items, which may not be in the document yet. */
  acceptedLogItems: Map<string, string>;
};

/** What one accepted update adds to the state; see commitGuardState. */
export type GuardCommit = { heads: Map<string, DeviceChain>; clocks: Map<number, number>; logItems: Array<[string, string]> };

export function commitGuardState(state: GuardState, commit: GuardCommit): void {
  for (const [device, head] of commit.heads) state.devices.set(device, head);
  for (const [client, end] of commit.clocks) state.acceptedClocks.set(client, Math.max(end, state.acceptedClocks.get(client) ?? 0));
  for (const [id, hash] of commit.logItems) state.acceptedLogItems.set(id, hash);
}

/** Forgets accepted items the document now holds itself (bounded memory). */
export function forgetAppliedItems(state: GuardState, doc: Y.Doc): void {
  for (const id of state.acceptedLogItems.keys()) {
    const [client, clock] = id.split(':').map(Number) as [number, number];
    if (clock < Y.getState(doc.store, client)) state.acceptedLogItems.delete(id);
  }
}

/**
 * Rebuilds the per-device chains from a stored envelope document (trusted: it passed the guard).
 * A snapshot prunes the envelopes it includes, so a device whose envelopes are all pruned has no
 * head left in the log: `snapshotHeads` (the current snapshot's covered list, checked against the
 * server's own heads when it was committed) gives it one. Where both know a device, the log's
 * envelope stands unless the snapshot's seq is higher: an entry below the log's head was never checked.
 */
export function loadGuardState(doc: Y.Doc, epoch: number, snapshotHeads: readonly CoveredEntry[] = []): GuardState {
  const devices = new Map<string, DeviceChain>();
  const offer = (key: string, head: DeviceChain) => {
    const last = devices.get(key);
    if (!last || head.seq > last.seq) devices.set(key, head);
  };
  for (const bytes of doc.getArray<Uint8Array>(ENVELOPE.LOG).toArray()) {
    try {
      const env = decodeEnvelope(bytes);
      offer(toHex(env.header.deviceKey), { seq: env.header.seq, hash: envelopeHash(bytes) });
    } catch {
      // Pruned or unreadable items carry no chain state.
    }
  }
  for (const c of snapshotHeads) offer(toHex(c.deviceKey), { seq: c.seq, hash: c.hash });
  return { epoch, devices, acceptedClocks: new Map(), acceptedLogItems: new Map() };
}
