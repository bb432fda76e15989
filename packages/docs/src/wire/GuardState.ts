import * as Y from 'yjs';
import { toHex } from '@coffre/crypto';
import { decodeEnvelope } from './decodeEnvelope.ts';
import { envelopeHash } from './envelopeHash.ts';
import { ENVELOPE } from './envelopeLayout.ts';

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

/** Rebuilds the per-device chains from a stored envelope document (trusted: it passed the guard). */
export function loadGuardState(doc: Y.Doc, epoch: number): GuardState {
  const devices = new Map<string, DeviceChain>();
  for (const bytes of doc.getArray<Uint8Array>(ENVELOPE.LOG).toArray()) {
    try {
      const env = decodeEnvelope(bytes);
      const key = toHex(env.header.deviceKey);
      const last = devices.get(key);
      if (!last || env.header.seq > last.seq) devices.set(key, { seq: env.header.seq, hash: envelopeHash(bytes) });
    } catch {
      // Pruned or unreadable items carry no chain state.
    }
  }
  return { epoch, devices, acceptedClocks: new Map(), acceptedLogItems: new Map() };
}
