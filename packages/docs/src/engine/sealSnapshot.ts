import type { SymmetricKey } from '@coffre/crypto';
import { ENVELOPE } from '../wire/envelopeLayout.ts';
import type { CoveredEntry } from '../wire/SnapshotHeader.ts';
import { encodeSnapshotHeader } from '../wire/snapshotCodec.ts';
import type { DeviceKey } from './DeviceKey.ts';
import { deviceFields, sealAndSign } from './sealAndSign.ts';

/** header ‖ u32 len ‖ AEAD(padded V2 state, AAD = header) ‖ device signature. */
export function sealSnapshot(input: {
  docId: string;
  epoch: number;
  key: SymmetricKey;
  device: DeviceKey;
  snapshotId: string;
  parentSnapshotId: string;
  parentChainHash: Uint8Array;
  covered: CoveredEntry[];
  state: Uint8Array;
  ts: number;
  /** The item's write key certifying `device` (ADR 0016). */
  writeCert?: Uint8Array;
}): Uint8Array {
  const header = encodeSnapshotHeader({
    version: ENVELOPE.VERSION,
    kind: ENVELOPE.KIND_SNAPSHOT,
    docId: input.docId,
    epoch: input.epoch,
    ...deviceFields(input.device, input.writeCert),
    snapshotId: input.snapshotId,
    parentSnapshotId: input.parentSnapshotId,
    parentChainHash: input.parentChainHash,
    covered: input.covered,
    ts: input.ts,
  });
  return sealAndSign(ENVELOPE.KIND_SNAPSHOT, header, input.state, input.key, input.device);
}
