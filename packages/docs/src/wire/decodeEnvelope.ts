import { utf8Decode } from '@coffre/crypto';
import { ByteReader } from './ByteReader.ts';
import { DocError } from './DocError.ts';
import type { DecodedEnvelope, EnvelopeHeader } from './EnvelopeHeader.ts';
import { ENVELOPE } from './envelopeLayout.ts';
import { readCommonHeader } from './readCommonHeader.ts';

/**
 * Parses an envelope without any key: header ‖ u32 len ‖ sealed ‖ signature
 * (format versions 1 and 2).
 * @throws DocError ENVELOPE_TOO_LARGE | ENVELOPE_MALFORMED | UNSUPPORTED_VERSION
 */
export function decodeEnvelope(bytes: Uint8Array): DecodedEnvelope {
  if (!(bytes instanceof Uint8Array)) throw new DocError('ENVELOPE_MALFORMED', 'not bytes');
  if (bytes.length > ENVELOPE.MAX_ENVELOPE_BYTES) throw new DocError('ENVELOPE_TOO_LARGE');
  const r = new ByteReader(bytes);
  const common = readCommonHeader(r, 'envelope');
  if (common.kind !== ENVELOPE.KIND_UPDATE && common.kind !== ENVELOPE.KIND_AWARENESS) throw new DocError('ENVELOPE_MALFORMED', 'unknown kind');
  const seq = r.u64();
  const prevHash = r.bytes(ENVELOPE.HASH_BYTES);
  const baseBytes = r.shortBytes();
  const ts = r.u64();
  let baseSnapshotId: string;
  try {
    baseSnapshotId = utf8Decode(baseBytes);
  } catch {
    throw new DocError('ENVELOPE_MALFORMED', 'bad utf-8');
  }
  if (seq < 1) throw new DocError('ENVELOPE_MALFORMED', 'bad field');
  const headerEnd = r.pos;
  const sealedLength = r.u32();
  const sealed = r.bytes(sealedLength);
  const signedEnd = r.pos;
  const signature = r.bytes(ENVELOPE.SIGNATURE_BYTES);
  if (r.remaining !== 0) throw new DocError('ENVELOPE_MALFORMED', 'trailing bytes');
  const header: EnvelopeHeader = { ...common, seq, prevHash, baseSnapshotId, ts };
  return { header, headerBytes: bytes.subarray(0, headerEnd), sealed, signature, signedBytes: bytes.subarray(0, signedEnd) };
}
