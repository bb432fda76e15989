import { utf8Encode } from '@coffre/crypto';
import { writeCommonHeader } from './writeCommonHeader.ts';
import type { EnvelopeHeader } from './EnvelopeHeader.ts';

/** Canonical binary header; every byte is bound as AEAD associated data and signed. */
export function encodeEnvelopeHeader(h: EnvelopeHeader): Uint8Array {
  return writeCommonHeader(h)
    .u64(h.seq)
    .bytes(h.prevHash)
    .shortBytes(utf8Encode(h.baseSnapshotId))
    .u64(h.ts)
    .finish();
}
