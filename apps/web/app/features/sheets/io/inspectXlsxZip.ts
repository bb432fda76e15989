import { SheetImportError } from './sheetImportError.ts';
import { SHEET_IMPORT_LIMITS } from './sheetImportLimits.ts';
import type { XlsxZipEntry } from './XlsxZipEntry.ts';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const EOCD_MIN_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
/** Below this an entry's compression ratio says nothing. */
const RATIO_MIN_BYTES = 1024 * 1024;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf16 = (name: string) => [...name].flatMap((ch) => [ch.charCodeAt(0), 0]);
/** A password-protected .xlsx is an OLE file holding this stream (directory names are UTF-16). */
const ENCRYPTED_PACKAGE = utf16('EncryptedPackage');
/** Streams of legacy Word and PowerPoint files; any other OLE file is taken for an .xls. */
const OTHER_OFFICE_STREAMS = [utf16('WordDocument'), utf16('PowerPoint Document')];

/**
 * Checks a .xlsx's zip directory before anything decompresses it: byte,
 * entry and ratio limits on what it declares, a readable directory, and an
 * Excel workbook inside. Tells apart the files people pick by mistake.
 * Cheap and allocation-light; the declared sizes are then measured by
 * `inspectXlsxParts`.
 * @throws SheetImportError `FILE_TOO_LARGE`, `LEGACY_XLS`, `ENCRYPTED_WORKBOOK`, `NOT_A_SPREADSHEET` or `CORRUPT_FILE`.
 */
export function inspectXlsxZip(bytes: Uint8Array): XlsxZipEntry[] {
  const L = SHEET_IMPORT_LIMITS;
  if (bytes.byteLength > L.MAX_XLSX_BYTES) throw new SheetImportError('FILE_TOO_LARGE', 'MAX_XLSX_BYTES');
  if (startsWith(bytes, OLE_MAGIC)) throw new SheetImportError(oleKind(bytes));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const looksLikeZip = bytes.byteLength >= 4 && view.getUint32(0, true) === LOCAL_HEADER_SIGNATURE;
  // Random bytes are not a spreadsheet; a zip whose end is missing is a damaged one.
  const unreadable = () => new SheetImportError(looksLikeZip ? 'CORRUPT_FILE' : 'NOT_A_SPREADSHEET');

  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw unreadable();
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (offset + size > eocd) throw unreadable();
  if (count > L.MAX_XLSX_ENTRIES) throw new SheetImportError('FILE_TOO_LARGE', 'MAX_XLSX_ENTRIES');

  const entries: XlsxZipEntry[] = [];
  let uncompressed = 0;
  const decoder = new TextDecoder();
  for (let i = 0, at = offset; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_ENTRY_SIGNATURE) throw unreadable();
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > eocd) throw unreadable();
    // 0xffffffff means the real size is in a zip64 field: over 4 GiB, or pretending to be.
    uncompressed += uncompressedSize;
    if (uncompressedSize === 0xffffffff || uncompressed > L.MAX_XLSX_UNCOMPRESSED_BYTES) throw new SheetImportError('FILE_TOO_LARGE', 'MAX_XLSX_UNCOMPRESSED_BYTES');
    if (uncompressedSize > RATIO_MIN_BYTES && uncompressedSize > compressedSize * L.MAX_XLSX_COMPRESSION_RATIO) throw new SheetImportError('FILE_TOO_LARGE', 'MAX_XLSX_COMPRESSION_RATIO');
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)).replace(/^\//, ''),
      method: view.getUint16(at + 10, true),
      compressedSize,
      uncompressedSize,
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at = next;
  }
  if (!entries.some((e) => e.name === '[Content_Types].xml')) throw unreadable();
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw new SheetImportError('NOT_A_SPREADSHEET');
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_MIN_BYTES;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT_BYTES; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

function oleKind(bytes: Uint8Array): 'ENCRYPTED_WORKBOOK' | 'NOT_A_SPREADSHEET' | 'LEGACY_XLS' {
  if (contains(bytes, ENCRYPTED_PACKAGE)) return 'ENCRYPTED_WORKBOOK';
  if (OTHER_OFFICE_STREAMS.some((name) => contains(bytes, name))) return 'NOT_A_SPREADSHEET';
  return 'LEGACY_XLS';
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0]!;
  for (let at = bytes.indexOf(first); at >= 0 && at + needle.length <= bytes.byteLength; at = bytes.indexOf(first, at + 1)) {
    if (needle.every((b, i) => bytes[at + i] === b)) return true;
  }
  return false;
}
