import { constantTimeEqual, toHex } from '@coffre/crypto';
import type * as Y from 'yjs';
import { DocError } from './DocError.ts';
import { decodeEnvelope } from './decodeEnvelope.ts';
import { ENVELOPE, ZERO_HASH } from './envelopeLayout.ts';
import type { EnvelopeMeta } from './envelopeMeta.ts';
import type { GuardState } from './GuardState.ts';
import type { DecodedSnapshot } from './SnapshotHeader.ts';
import { decodeSnapshot, verifySnapshot } from './snapshotCodec.ts';
import type { Writer } from './validateIncomingUpdate.ts';

/**
 * The server's check of an uploaded snapshot: signed by the connection's
 * user, current epoch, built on the current snapshot (compare-and-swap on
 * the parent), and covering no envelope the server has not seen nor fewer
 * than the snapshot before it.
 * @throws DocError SNAPSHOT_CONFLICT when another snapshot won the race
 */
export function validateSnapshot(bytes: Uint8Array, ctx: { docId: string; state: GuardState; writer: Writer; meta: EnvelopeMeta }): DecodedSnapshot {
  const snap = decodeSnapshot(bytes);
  const h = snap.header;
  if (h.docId !== ctx.docId) throw new DocError('WRONG_DOCUMENT');
  // A key rotation is a snapshot under the next epoch, by an admin, that includes every envelope the server has.
  const rotation = h.epoch === ctx.state.epoch + 1;
  if (h.epoch !== ctx.state.epoch && !rotation) throw new DocError('STALE_EPOCH');
  if (rotation && !ctx.writer.canRotate) throw new DocError('NOT_A_WRITER', 'only admins rotate keys');
  if (!ctx.writer.canWrite || !constantTimeEqual(h.identityKey, ctx.writer.identityKey)) throw new DocError('NOT_A_WRITER');
  verifySnapshot(snap);
  const parentHash = ctx.meta.snapshotId ? ctx.meta.chainHash : ZERO_HASH;
  if (h.parentSnapshotId !== ctx.meta.snapshotId || !constantTimeEqual(h.parentChainHash, parentHash)) throw new DocError('SNAPSHOT_CONFLICT');
  const covered = new Map<string, number>();
  for (const c of h.covered) {
    const device = toHex(c.deviceKey);
    const head = ctx.state.devices.get(device);
    if (!head || c.seq > head.seq || covered.has(device)) throw new DocError('SNAPSHOT_INVALID', 'covers envelopes the server never had');
    if (c.seq === head.seq && !constantTimeEqual(c.hash, head.hash)) throw new DocError('SNAPSHOT_INVALID', 'covers another envelope');
    covered.set(device, c.seq);
  }
  if (rotation) {
    for (const [device, head] of ctx.state.devices) {
      if ((covered.get(device) ?? 0) !== head.seq) throw new DocError('SNAPSHOT_INVALID', 'a rotation must include every envelope');
    }
  }
  for (const [device, seq] of Object.entries(ctx.meta.covered)) {
    if ((covered.get(device) ?? 0) < seq) throw new DocError('SNAPSHOT_INVALID', 'covers less than its parent');
  }
  return snap;
}

/** Deletes the log envelopes a snapshot includes (server only). Returns how many. */
export function pruneCoveredEnvelopes(doc: Y.Doc, covered: ReadonlyMap<string, number>): number {
  const log = doc.getArray<Uint8Array>(ENVELOPE.LOG);
  const items = log.toArray();
  let pruned = 0;
  doc.transact(() => {
    for (let i = items.length - 1; i >= 0; i--) {
      let drop = false;
      try {
        const h = decodeEnvelope(items[i]!).header;
        drop = h.seq <= (covered.get(toHex(h.deviceKey)) ?? 0);
      } catch {
        drop = false;
      }
      if (drop) {
        log.delete(i, 1);
        pruned++;
      }
    }
  });
  return pruned;
}

export function coveredRecord(snap: DecodedSnapshot): Record<string, number> {
  return Object.fromEntries(snap.header.covered.map((c) => [toHex(c.deviceKey), c.seq]));
}

