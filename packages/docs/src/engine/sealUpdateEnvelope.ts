import type { SymmetricKey } from '@coffre/crypto';
import { encodeEnvelopeHeader } from '../wire/encodeEnvelopeHeader.ts';
import { ENVELOPE } from '../wire/envelopeLayout.ts';
import type { DeviceKey } from './DeviceKey.ts';
import { deviceFields, sealAndSign } from './sealAndSign.ts';

export type SealInput = {
  docId: string;
  epoch: number;
  key: SymmetricKey;
  device: DeviceKey;
  seq: number;
  prevHash: Uint8Array;
  baseSnapshotId: string;
  /** A Yjs V2 update (or, for awareness, the encoded presence state). */
  update: Uint8Array;
  ts: number;
  kind?: number;
  /** One part of a change too large for one envelope; its next part is this device's next envelope (updates only). */
  more?: boolean;
  /** The item's write key certifying `device` for this document and epoch (ADR 0016); absent for a device without it. */
  writeCert?: Uint8Array;
};

/** header ‖ u32 len ‖ AEAD(padded update, AAD = header) ‖ device signature over both. */
export function sealUpdateEnvelope(input: SealInput): Uint8Array {
  const kind = input.kind ?? ENVELOPE.KIND_UPDATE;
  if (input.more && kind !== ENVELOPE.KIND_UPDATE) throw new RangeError('only updates come in parts');
  const header = encodeEnvelopeHeader({
    version: ENVELOPE.VERSION,
    kind,
    docId: input.docId,
    epoch: input.epoch,
    ...deviceFields(input.device, input.writeCert),
    seq: input.seq,
    prevHash: input.prevHash,
    baseSnapshotId: input.baseSnapshotId,
    ts: input.ts,
  });
  return sealAndSign(kind, header, input.update, input.key, input.device, { more: input.more });
}
