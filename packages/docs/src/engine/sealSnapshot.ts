import { concatBytes, sealAead, signDetached, type SymmetricKey } from '@coffre/crypto';
import { ByteWriter } from '../wire/ByteWriter.ts';
import { ENVELOPE } from '../wire/envelopeLayout.ts';
import { envelopeDomain } from '../wire/envelopeDomain.ts';
import type { CoveredEntry } from '../wire/SnapshotHeader.ts';
import { encodeSnapshotHeader } from '../wire/snapshotCodec.ts';
import type { DeviceKey } from './DeviceKey.ts';
import { padUpdate } from './padUpdate.ts';

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
}): Uint8Array {
  const header = encodeSnapshotHeader({
    version: ENVELOPE.VERSION,
    kind: ENVELOPE.KIND_SNAPSHOT,
    docId: input.docId,
    epoch: input.epoch,
    deviceKey: input.device.publicKey,
    identityKey: input.device.identityKey,
    deviceCert: input.device.cert,
    certCreatedAt: input.device.certCreatedAt,
    snapshotId: input.snapshotId,
    parentSnapshotId: input.parentSnapshotId,
    parentChainHash: input.parentChainHash,
    covered: input.covered,
    ts: input.ts,
  });
  const domain = envelopeDomain(ENVELOPE.KIND_SNAPSHOT);
  const sealed = sealAead(input.key, padUpdate(input.state), domain, { header });
  const signed = concatBytes(header, new ByteWriter().u32(sealed.length).finish(), sealed);
  return concatBytes(signed, signDetached(input.device.secretKey, domain, signed));
}
