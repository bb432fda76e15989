import { SHEET_IMPORT_LIMITS, type SheetImportLimit } from './sheetImportLimits.ts';

export type SheetImportErrorCode =
  /** Random bytes, a PDF, a Word file, an OpenDocument file… */
  | 'NOT_A_SPREADSHEET'
  /** An Excel 97–2003 .xls (an OLE compound file). */
  | 'LEGACY_XLS'
  /** A password-protected .xlsx, which Excel stores as an OLE file around the encrypted zip. */
  | 'ENCRYPTED_WORKBOOK'
  /** Over a byte limit, packed or unpacked (zip bomb); `limit` says which. */
  | 'FILE_TOO_LARGE'
  /** Over a cell, row, column or sheet limit; `limit` says which. */
  | 'TOO_MANY_CELLS'
  /** A zip or workbook that does not read: truncated, damaged, or invalid inside. */
  | 'CORRUPT_FILE'
  /** A .csv that is neither UTF-8 nor UTF-16 with a byte-order mark. */
  | 'INVALID_TEXT_ENCODING';

const L = SHEET_IMPORT_LIMITS;
const mb = (bytes: number) => `${bytes / 1024 / 1024} MB`;
const count = (n: number) => n.toLocaleString('en-US');

/** What the user sees for each code; fit to show as it is, never quoting the file. */
export const SHEET_IMPORT_MESSAGES: Record<SheetImportErrorCode, string> = {
  NOT_A_SPREADSHEET: 'This file is not an Excel workbook (.xlsx) or a CSV file.',
  LEGACY_XLS: 'This is an old Excel file (.xls). Open it in Excel or LibreOffice, save it as .xlsx, and import that.',
  ENCRYPTED_WORKBOOK: 'This workbook is password-protected. Remove the password in Excel, save it, and import it again.',
  FILE_TOO_LARGE: `This file is too large to import: spreadsheets can be at most ${mb(L.MAX_XLSX_BYTES)} (CSV ${mb(L.MAX_CSV_BYTES)}), and unpack to at most ${mb(L.MAX_XLSX_UNCOMPRESSED_BYTES)}.`,
  TOO_MANY_CELLS: `This spreadsheet is too big to import: at most ${count(L.MAX_CELLS)} cells, ${count(L.MAX_ROWS)} rows, ${count(L.MAX_COLS)} columns and ${L.MAX_SHEETS} sheets.`,
  CORRUPT_FILE: 'This file is damaged or incomplete and cannot be read.',
  INVALID_TEXT_ENCODING: 'This CSV file is not UTF-8 text. Save it as “CSV UTF-8” and import it again.',
};

/**
 * A spreadsheet import that failed before anything was returned. Expected
 * failures of user files, not bugs.
 */
export class SheetImportError extends Error {
  constructor(
    readonly code: SheetImportErrorCode,
    /** The limit that was exceeded, for `FILE_TOO_LARGE` and `TOO_MANY_CELLS`. */
    readonly limit?: SheetImportLimit,
  ) {
    super(SHEET_IMPORT_MESSAGES[code]);
    this.name = 'SheetImportError';
  }
}
