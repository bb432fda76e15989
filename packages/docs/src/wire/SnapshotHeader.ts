import type { CommonHeader } from './writeCommonHeader.ts';

/** One device's chain position that a snapshot includes. */
export type CoveredEntry = { deviceKey: Uint8Array; seq: number; hash: Uint8Array };

/** The public, signed header of a snapshot: the whole document state at one point. */
export type SnapshotHeader = CommonHeader & {
  snapshotId: string;
  /** '' for the first snapshot. */
  parentSnapshotId: string;
  /** Chain hash of the parent (zeros for the first). */
  parentChainHash: Uint8Array;
  covered: CoveredEntry[];
  ts: number;
};

export type DecodedSnapshot = {
  header: SnapshotHeader;
  headerBytes: Uint8Array;
  sealed: Uint8Array;
  signature: Uint8Array;
  signedBytes: Uint8Array;
  /** This snapshot's link in the chain: H(parentChainHash ‖ H(snapshot bytes)). */
  chainHash: Uint8Array;
};
