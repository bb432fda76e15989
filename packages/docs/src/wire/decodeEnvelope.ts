import { utf8Decode } from '@coffre/crypto';
import { ByteReader } from './ByteReader.ts';
import { DocError } from './DocError.ts';
import type { DecodedEnvelope, EnvelopeHeader } from './EnvelopeHeader.ts';
import { ENVELOPE } from './envelopeLayout.ts';

/**
 * Parses an envelope without any key: header ‖ u32 len ‖ sealed ‖ signature.
 * @throws DocError ENVELOPE_TOO_LARGE | ENVELOPE_MALFORMED | UNSUPPORTED_VERSION
 */
export function decodeEnvelope(bytes: Uint8Array): DecodedEnvelope {
  if (!(bytes instanceof Uint8Array)) throw new DocError('ENVELOPE_MALFORMED', 'not bytes');
  if (bytes.length > ENVELOPE.MAX_ENVELOPE_BYTES) throw new DocError('ENVELOPE_TOO_LARGE');
  const r = new ByteReader(bytes);
  const version = r.u8();
  if (version !== ENVELOPE.VERSION) throw new DocError('UNSUPPORTED_VERSION', `envelope v${version}`);
  const kind = r.u8();
  if (kind !== ENVELOPE.KIND_UPDATE && kind !== ENVELOPE.KIND_AWARENESS) throw new DocError('ENVELOPE_MALFORMED', 'unknown kind');
  let docId: string;
  let baseSnapshotId: string;
  const docIdBytes = r.shortBytes();
  const epoch = r.u32();
  const deviceKey = r.bytes(ENVELOPE.KEY_BYTES);
  const identityKey = r.bytes(ENVELOPE.KEY_BYTES);
  const deviceCert = r.bytes(ENVELOPE.SIGNATURE_BYTES);
  const certCreatedAt = r.u64();
  const seq = r.u64();
  const prevHash = r.bytes(ENVELOPE.HASH_BYTES);
  const baseBytes = r.shortBytes();
  const ts = r.u64();
  try {
    docId = utf8Decode(docIdBytes);
    baseSnapshotId = utf8Decode(baseBytes);
  } catch {
    throw new DocError('ENVELOPE_MALFORMED', 'bad utf-8');
  }
  if (docId.length === 0 || seq < 1 || epoch < 1) throw new DocError('ENVELOPE_MALFORMED', 'bad field');
  const headerEnd = r.pos;
  const sealedLength = r.u32();
  const sealed = r.bytes(sealedLength);
  const signedEnd = r.pos;
  const signature = r.bytes(ENVELOPE.SIGNATURE_BYTES);
  if (r.remaining !== 0) throw new DocError('ENVELOPE_MALFORMED', 'trailing bytes');
  const header: EnvelopeHeader = { version, kind, docId, epoch, deviceKey, identityKey, deviceCert, certCreatedAt, seq, prevHash, baseSnapshotId, ts };
  return { header, headerBytes: bytes.subarray(0, headerEnd), sealed, signature, signedBytes: bytes.subarray(0, signedEnd) };
}
