import { utf8Decode } from '@coffre/crypto';
import type { ByteReader } from './ByteReader.ts';
import { DocError } from './DocError.ts';
import { ENVELOPE } from './envelopeLayout.ts';
import type { CommonHeader } from './writeCommonHeader.ts';

/**
 * Reads the fields every envelope kind starts with, for the format versions
 * still read (1: no write certificate; 2: with one).
 * @throws DocError ENVELOPE_MALFORMED | UNSUPPORTED_VERSION
 */
export function readCommonHeader(r: ByteReader, what: string): CommonHeader {
  const version = r.u8();
  if (version !== ENVELOPE.VERSION && version !== ENVELOPE.VERSION_WITHOUT_WRITE_CERT) throw new DocError('UNSUPPORTED_VERSION', `${what} v${version}`);
  const kind = r.u8();
  const docIdBytes = r.shortBytes();
  const epoch = r.u32();
  const deviceKey = r.bytes(ENVELOPE.KEY_BYTES);
  const identityKey = r.bytes(ENVELOPE.KEY_BYTES);
  const deviceCert = r.bytes(ENVELOPE.SIGNATURE_BYTES);
  const certCreatedAt = r.u64();
  const writeCert = version === ENVELOPE.VERSION ? r.shortBytes() : new Uint8Array(0);
  if (writeCert.length !== 0 && writeCert.length !== ENVELOPE.SIGNATURE_BYTES) throw new DocError('ENVELOPE_MALFORMED', 'write certificate');
  let docId: string;
  try {
    docId = utf8Decode(docIdBytes);
  } catch {
    throw new DocError('ENVELOPE_MALFORMED', 'bad utf-8');
  }
  if (docId.length === 0 || epoch < 1) throw new DocError('ENVELOPE_MALFORMED', 'bad field');
  return { version, kind, docId, epoch, deviceKey, identityKey, deviceCert, certCreatedAt, writeCert };
}
