import { DocumentImportError } from './importError.ts';
import { IMPORT_LIMITS } from './importLimits.ts';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const EOCD_MIN_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;

/** Magic numbers of files people pick by mistake, told apart from corrupt ones. */
const OTHER_FORMATS: readonly (readonly number[])[] = [
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE: legacy .doc, or a password-protected .docx
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // {\rtf
];

/**
 * Checks a .docx's zip directory before anything decompresses it: size limits,
 * a readable directory, and a Word body inside. Cheap and allocation-free.
 * @throws DocumentImportError `TOO_LARGE`, `UNSUPPORTED_FILE` or `MALFORMED_FILE`.
 */
export function inspectDocxZip(bytes: Uint8Array): void {
  if (bytes.byteLength > IMPORT_LIMITS.MAX_DOCX_BYTES) throw tooLarge(IMPORT_LIMITS.MAX_DOCX_BYTES);
  if (OTHER_FORMATS.some((magic) => magic.every((b, i) => bytes[i] === b))) {
    throw new DocumentImportError('UNSUPPORTED_FILE', 'Only Word .docx files can be imported (not .doc, PDF, RTF or password-protected files).');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const entries = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (offset + size > eocd) throw malformed();

  let uncompressed = 0;
  let hasWordPart = false;
  let hasContentTypes = false;
  const decoder = new TextDecoder();
  for (let i = 0, at = offset; i < entries; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_ENTRY_SIGNATURE) throw malformed();
    const entrySize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > eocd) throw malformed();
    // 0xffffffff means the real size is in a zip64 field: over 4 GiB, or pretending to be.
    uncompressed += entrySize;
    if (entrySize === 0xffffffff || uncompressed > IMPORT_LIMITS.MAX_DOCX_UNCOMPRESSED_BYTES) throw expandsTooMuch();
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (name === '[Content_Types].xml') hasContentTypes = true;
    if (name.startsWith('word/')) hasWordPart = true;
    at = next;
  }
  if (!hasContentTypes) throw malformed();
  if (!hasWordPart) throw new DocumentImportError('UNSUPPORTED_FILE', 'This is an Office file, but not a Word document.');
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_MIN_BYTES;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT_BYTES; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  throw malformed();
}

function malformed(): DocumentImportError {
  return new DocumentImportError('MALFORMED_FILE', 'This file is damaged or is not a Word .docx document.');
}

function tooLarge(limit: number): DocumentImportError {
  return new DocumentImportError('TOO_LARGE', `Word files can be at most ${limit / 1024 / 1024} MB.`, limit);
}

function expandsTooMuch(): DocumentImportError {
  const limit = IMPORT_LIMITS.MAX_DOCX_UNCOMPRESSED_BYTES;
  return new DocumentImportError('TOO_LARGE', `This Word file unpacks to more than ${limit / 1024 / 1024} MB.`, limit);
}
