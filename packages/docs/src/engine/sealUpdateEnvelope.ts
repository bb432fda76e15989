import { concatBytes, sealAead, signDetached, type SymmetricKey } from '@coffre/crypto';
import { envelopeDomain } from '../wire/envelopeDomain.ts';
import { ByteWriter } from '../wire/ByteWriter.ts';
import { encodeEnvelopeHeader } from '../wire/encodeEnvelopeHeader.ts';
import { ENVELOPE } from '../wire/envelopeLayout.ts';
import type { DeviceKey } from './DeviceKey.ts';
import { padUpdate } from './padUpdate.ts';

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
};

/** header ‖ u32 len ‖ AEAD(padded update, AAD = header) ‖ device signature over both. */
export function sealUpdateEnvelope(input: SealInput): Uint8Array {
  const header = encodeEnvelopeHeader({
    version: ENVELOPE.VERSION,
    kind: input.kind ?? ENVELOPE.KIND_UPDATE,
    docId: input.docId,
    epoch: input.epoch,
    deviceKey: input.device.publicKey,
    identityKey: input.device.identityKey,
    deviceCert: input.device.cert,
    certCreatedAt: input.device.certCreatedAt,
    seq: input.seq,
    prevHash: input.prevHash,
    baseSnapshotId: input.baseSnapshotId,
    ts: input.ts,
  });
  const domain = envelopeDomain(input.kind ?? ENVELOPE.KIND_UPDATE);
  const sealed = sealAead(input.key, padUpdate(input.update), domain, { header });
  const signed = concatBytes(header, new ByteWriter().u32(sealed.length).finish(), sealed);
  return concatBytes(signed, signDetached(input.device.secretKey, domain, signed));
}
