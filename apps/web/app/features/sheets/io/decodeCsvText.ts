import { SheetImportError } from './sheetImportError.ts';
import { SHEET_IMPORT_LIMITS } from './sheetImportLimits.ts';

/**
 * CSV bytes as text: UTF-16 when a byte-order mark says so (Excel's "Unicode
 * text"), else strict UTF-8. Strict, because guessing a legacy code page would
 * silently turn accented letters into other letters.
 * @throws SheetImportError `FILE_TOO_LARGE`, `INVALID_TEXT_ENCODING`, or `NOT_A_SPREADSHEET` for binary content.
 */
export function decodeCsvText(bytes: Uint8Array): string {
  if (bytes.byteLength > SHEET_IMPORT_LIMITS.MAX_CSV_BYTES) throw new SheetImportError('FILE_TOO_LARGE', 'MAX_CSV_BYTES');
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new SheetImportError('INVALID_TEXT_ENCODING');
  }
  // Valid UTF-8 can still be binary (a zip's first bytes often are); text files have no NUL.
  if (text.includes('\u0000')) throw new SheetImportError('NOT_A_SPREADSHEET');
  return text;
}
