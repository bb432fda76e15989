import { utf8Encode } from '@coffre/crypto';
import { ByteWriter } from './ByteWriter.ts';
import type { EnvelopeHeader } from './EnvelopeHeader.ts';

/** Canonical binary header; every byte is bound as AEAD associated data and signed. */
export function encodeEnvelopeHeader(h: EnvelopeHeader): Uint8Array {
  return new ByteWriter()
    .u8(h.version)
    .u8(h.kind)
    .shortBytes(utf8Encode(h.docId))
    .u32(h.epoch)
    .bytes(h.deviceKey)
    .bytes(h.identityKey)
    .bytes(h.deviceCert)
    .u64(h.certCreatedAt)
    .u64(h.seq)
    .bytes(h.prevHash)
    .shortBytes(utf8Encode(h.baseSnapshotId))
    .u64(h.ts)
    .finish();
}
