import * as Y from 'yjs';
import { toHex } from '@coffre/crypto';
import { ENVELOPE } from '../wire/envelopeLayout.ts';
import type { GuardState } from '../wire/GuardState.ts';

/**
 * A client update as Hocuspocus would send it: bring `client` up to date with
 * `server`, apply `change` to it, and encode what the server lacks (V1).
 */
export function clientUpdate(client: Y.Doc, server: Y.Doc, change: (log: Y.Array<unknown>, client: Y.Doc) => void): Uint8Array {
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)), 'server');
  change(client.getArray(ENVELOPE.LOG), client);
  return Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
}

/** Everything the guard and the stored document hold, as one comparable string. */
export function guardSnapshot(server: Y.Doc, state: GuardState): string {
  const devices = [...state.devices].map(([device, c]) => `${device}=${c.seq}:${toHex(c.hash)}`).sort();
  const clocks = [...state.acceptedClocks].sort(([a], [b]) => a - b);
  return JSON.stringify({ doc: toHex(Y.encodeStateAsUpdate(server)), epoch: state.epoch, devices, clocks, items: [...state.acceptedLogItems].sort() });
}
