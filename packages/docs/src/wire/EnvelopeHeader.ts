import type { CommonHeader } from './writeCommonHeader.ts';

/** The public, signed and authenticated header of an update envelope. */
export type EnvelopeHeader = CommonHeader & {
  /** Per-device counter, 1, 2, 3… */
  seq: number;
  /** Envelope hash of this device's previous envelope (zeros for seq 1). */
  prevHash: Uint8Array;
  /** Informational: the snapshot the author had. Never gates applying. */
  baseSnapshotId: string;
  ts: number;
};

export type DecodedEnvelope = {
  header: EnvelopeHeader;
  headerBytes: Uint8Array;
  sealed: Uint8Array;
  signature: Uint8Array;
  /** header ‖ sealed: what the device key signed. */
  signedBytes: Uint8Array;
};
