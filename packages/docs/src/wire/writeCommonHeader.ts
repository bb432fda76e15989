import { utf8Encode } from '@coffre/crypto';
import { ByteWriter } from './ByteWriter.ts';
import { ENVELOPE } from './envelopeLayout.ts';

/** The fields every envelope kind starts with: version, kind, document, epoch, and who signed it. */
export type CommonHeader = {
  version: number;
  kind: number;
  docId: string;
  epoch: number;
  /** Per-session device key that signs envelopes; certified by the identity key. */
  deviceKey: Uint8Array;
  /** The user's Ed25519 identity key, which signed `deviceCert`. */
  identityKey: Uint8Array;
  deviceCert: Uint8Array;
  certCreatedAt: number;
  /**
   * The item's write key certifying `deviceKey` for this document and epoch
   * (ADR 0016): 64 bytes, or empty from a device without the write key
   * (presence of a viewer; every envelope of format version 1).
   */
  writeCert: Uint8Array;
};

/** Version 1 has no write certificate field (still written by tests of old envelopes). */
export function writeCommonHeader(h: CommonHeader): ByteWriter {
  if (h.version === ENVELOPE.VERSION_WITHOUT_WRITE_CERT && h.writeCert.length > 0) throw new RangeError('a version 1 header has no write certificate');
  const w = new ByteWriter()
    .u8(h.version)
    .u8(h.kind)
    .shortBytes(utf8Encode(h.docId))
    .u32(h.epoch)
    .bytes(h.deviceKey)
    .bytes(h.identityKey)
    .bytes(h.deviceCert)
    .u64(h.certCreatedAt);
  return h.version === ENVELOPE.VERSION_WITHOUT_WRITE_CERT ? w : w.shortBytes(h.writeCert);
}
