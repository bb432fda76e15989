import { CryptoError, DOMAINS, asSigningPublicKey, concatBytes, domainHash, utf8Decode, utf8Encode, verifyDetached } from '@coffre/crypto';
import { ByteReader } from './ByteReader.ts';
import { writeCommonHeader } from './writeCommonHeader.ts';
import { DocError } from './DocError.ts';
import { verifyDeviceCert } from './verifyDeviceCert.ts';
import { ENVELOPE } from './envelopeLayout.ts';
import { readCommonHeader } from './readCommonHeader.ts';
import type { DecodedSnapshot, SnapshotHeader } from './SnapshotHeader.ts';

/** Largest snapshot accepted: a whole document state, sealed. */
export const MAX_SNAPSHOT_BYTES = 6 * 1024 * 1024;
const MAX_COVERED = 4096;

export function encodeSnapshotHeader(h: SnapshotHeader): Uint8Array {
  if (h.covered.length > MAX_COVERED) throw new DocError('ENVELOPE_TOO_LARGE', 'covered');
  const w = writeCommonHeader(h)
    .shortBytes(utf8Encode(h.snapshotId))
    .shortBytes(utf8Encode(h.parentSnapshotId))
    .bytes(h.parentChainHash)
    .u32(h.covered.length);
  for (const c of h.covered) w.bytes(c.deviceKey).u64(c.seq).bytes(c.hash);
  return w.u64(h.ts).finish();
}

/** @throws DocError ENVELOPE_TOO_LARGE | ENVELOPE_MALFORMED | UNSUPPORTED_VERSION */
export function decodeSnapshot(bytes: Uint8Array): DecodedSnapshot {
  if (bytes.length > MAX_SNAPSHOT_BYTES) throw new DocError('ENVELOPE_TOO_LARGE', 'snapshot');
  const r = new ByteReader(bytes);
  const common = readCommonHeader(r, 'snapshot');
  if (common.kind !== ENVELOPE.KIND_SNAPSHOT) throw new DocError('ENVELOPE_MALFORMED', 'not a snapshot');
  const text = (b: Uint8Array) => {
    try {
      return utf8Decode(b);
    } catch {
      throw new DocError('ENVELOPE_MALFORMED', 'bad utf-8');
    }
  };
  const snapshotId = text(r.shortBytes());
  const parentSnapshotId = text(r.shortBytes());
  const parentChainHash = r.bytes(ENVELOPE.HASH_BYTES);
  const count = r.u32();
  if (count > MAX_COVERED) throw new DocError('ENVELOPE_MALFORMED', 'covered count');
  const covered = [];
  for (let i = 0; i < count; i++) covered.push({ deviceKey: r.bytes(ENVELOPE.KEY_BYTES), seq: r.u64(), hash: r.bytes(ENVELOPE.HASH_BYTES) });
  const ts = r.u64();
  if (!snapshotId) throw new DocError('ENVELOPE_MALFORMED', 'bad field');
  const headerEnd = r.pos;
  const sealed = r.bytes(r.u32());
  const signedEnd = r.pos;
  const signature = r.bytes(ENVELOPE.SIGNATURE_BYTES);
  if (r.remaining !== 0) throw new DocError('ENVELOPE_MALFORMED', 'trailing bytes');
  const header: SnapshotHeader = { ...common, snapshotId, parentSnapshotId, parentChainHash, covered, ts };
  const chainHash = domainHash(DOMAINS.snapshotChain, concatBytes(parentChainHash, domainHash(DOMAINS.envelopeHash, bytes)));
  return { header, headerBytes: bytes.subarray(0, headerEnd), sealed, signature, signedBytes: bytes.subarray(0, signedEnd), chainHash };
}

/** Certificate by the identity key, signature by the device key. @throws DocError SIGNATURE_INVALID */
export function verifySnapshot(s: DecodedSnapshot): void {
  const h = s.header;
  try {
    verifyDeviceCert(h);
    verifyDetached(asSigningPublicKey(h.deviceKey), DOMAINS.docSnapshot, s.signedBytes, s.signature);
  } catch (e) {
    if (e instanceof CryptoError) throw new DocError('SIGNATURE_INVALID', e.code);
    throw e;
  }
}
