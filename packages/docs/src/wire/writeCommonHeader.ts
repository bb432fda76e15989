import { utf8Encode } from '@coffre/crypto';
import { ByteWriter } from './ByteWriter.ts';

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
};

export function writeCommonHeader(h: CommonHeader): ByteWriter {
  return new ByteWriter()
    .u8(h.version)
    .u8(h.kind)
    .shortBytes(utf8Encode(h.docId))
    .u32(h.epoch)
    .bytes(h.deviceKey)
    .bytes(h.identityKey)
    .bytes(h.deviceCert)
    .u64(h.certCreatedAt);
}
