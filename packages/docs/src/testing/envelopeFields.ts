import type { DocErrorCode } from '../wire/DocError.ts';
import { ENVELOPE } from '../wire/envelopeLayout.ts';

export type EnvelopeField = { name: string; start: number; end: number };

/**
 * The byte ranges of an envelope's fields, walked from the layout (not from
 * decodeEnvelope, which is under test): header ‖ u32 len ‖ sealed ‖ signature.
 */
export function envelopeFields(bytes: Uint8Array): EnvelopeField[] {
  const fields: EnvelopeField[] = [];
  let pos = 0;
  const take = (name: string, n: number) => {
    fields.push({ name, start: pos, end: pos + n });
    pos += n;
  };
  const u32At = (p: number) => new DataView(bytes.buffer, bytes.byteOffset + p, 4).getUint32(0);
  take('version', 1);
  take('kind', 1);
  take('docIdLength', 1);
  take('docId', bytes[pos - 1]!);
  take('epoch', 4);
  take('deviceKey', ENVELOPE.KEY_BYTES);
  take('identityKey', ENVELOPE.KEY_BYTES);
  take('deviceCert', ENVELOPE.SIGNATURE_BYTES);
  take('certCreatedAt', 8);
  if (bytes[0] === ENVELOPE.VERSION) {
    take('writeCertLength', 1);
    take('writeCert', bytes[pos - 1]!);
  }
  take('seq', 8);
  take('prevHash', ENVELOPE.HASH_BYTES);
  take('baseSnapshotIdLength', 1);
  take('baseSnapshotId', bytes[pos - 1]!);
  take('ts', 8);
  take('sealedLength', 4);
  take('sealed', u32At(pos - 4));
  take('signature', ENVELOPE.SIGNATURE_BYTES);
  if (pos !== bytes.length) throw new RangeError(`layout walk ended at ${pos}, envelope has ${bytes.length} bytes`);
  return fields.filter((f) => f.end > f.start);
}

export function fieldAt(fields: readonly EnvelopeField[], position: number): EnvelopeField {
  const field = fields.find((f) => position >= f.start && position < f.end);
  if (!field) throw new RangeError(`no field at ${position}`);
  return field;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * What opening (decode, then verify) must report when the byte at `position`
 * of a genuine envelope was changed into `mutated`: a broken structure is
 * ENVELOPE_MALFORMED, any other change breaks the device certificate or the
 * signature.
 */
export function expectedTamperCode(fields: readonly EnvelopeField[], mutated: Uint8Array, position: number): DocErrorCode {
  const field = fieldAt(fields, position);
  const view = new DataView(mutated.buffer, mutated.byteOffset + field.start, field.end - field.start);
  const u64 = () => view.getUint32(0) * 2 ** 32 + view.getUint32(4);
  switch (field.name) {
    case 'version':
      return 'UNSUPPORTED_VERSION';
    case 'kind':
      return [ENVELOPE.KIND_UPDATE, ENVELOPE.KIND_AWARENESS].includes(view.getUint8(0) as 1 | 3) ? 'SIGNATURE_INVALID' : 'ENVELOPE_MALFORMED';
    case 'docIdLength':
    case 'writeCertLength': // 0 or 64 only; 64 shifts every later field, so the sealed length no longer fits
    case 'baseSnapshotIdLength':
    case 'sealedLength':
      return 'ENVELOPE_MALFORMED';
    case 'docId':
    case 'baseSnapshotId':
      return isUtf8(mutated.subarray(field.start, field.end)) ? 'SIGNATURE_INVALID' : 'ENVELOPE_MALFORMED';
    case 'epoch':
      return view.getUint32(0) === 0 ? 'ENVELOPE_MALFORMED' : 'SIGNATURE_INVALID';
    case 'seq':
      return u64() === 0 || !Number.isSafeInteger(u64()) ? 'ENVELOPE_MALFORMED' : 'SIGNATURE_INVALID';
    case 'certCreatedAt':
    case 'ts':
      return Number.isSafeInteger(u64()) ? 'SIGNATURE_INVALID' : 'ENVELOPE_MALFORMED';
    default:
      return 'SIGNATURE_INVALID';
  }
}
