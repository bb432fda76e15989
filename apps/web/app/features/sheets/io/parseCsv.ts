import { detectCsvDelimiter, type CsvDelimiter } from './detectCsvDelimiter.ts';
import { SheetImportError } from './sheetImportError.ts';
import { SHEET_IMPORT_LIMITS } from './sheetImportLimits.ts';

export type ParsedCsv = { rows: string[][]; delimiter: CsvDelimiter };

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * RFC 4180 CSV: quoted fields with `""` for a quote, CR, LF or CRLF between
 * records, newlines inside quotes; a UTF-8 byte-order mark is dropped. Lenient
 * where Excel is: a quote inside an unquoted field is text, text after a
 * closing quote is kept, an unclosed quote runs to the end. A final newline
 * does not start an empty record. The delimiter is detected unless given.
 * @throws SheetImportError `FILE_TOO_LARGE` (over `MAX_CSV_BYTES` characters, so also bytes), `TOO_MANY_CELLS`.
 */
export function parseCsv(text: string, options: { delimiter?: CsvDelimiter } = {}): ParsedCsv {
  if (text.length > SHEET_IMPORT_LIMITS.MAX_CSV_BYTES) throw new SheetImportError('FILE_TOO_LARGE', 'MAX_CSV_BYTES');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const delimiter = options.delimiter ?? detectCsvDelimiter(text);
  const rows: string[][] = [];
  const n = text.length;
  if (n === 0) return { rows, delimiter };

  const d = delimiter.charCodeAt(0);
  const isEnd = (c: number) => c === d || c === CR || c === LF;
  let row: string[] = [];
  let fields = 0;
  let i = 0;
  for (;;) {
    let value = '';
    if (text.charCodeAt(i) === QUOTE) {
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) {
          value += text.slice(from);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
    }
    let j = i;
    while (j < n && !isEnd(text.charCodeAt(j))) j++;
    value += text.slice(i, j);
    i = j;

    row.push(value);
    if (++fields > SHEET_IMPORT_LIMITS.MAX_CSV_FIELDS) throw new SheetImportError('TOO_MANY_CELLS', 'MAX_CSV_FIELDS');
    if (row.length > SHEET_IMPORT_LIMITS.MAX_COLS) throw new SheetImportError('TOO_MANY_CELLS', 'MAX_COLS');
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    rows.push(row);
    row = [];
    if (rows.length > SHEET_IMPORT_LIMITS.MAX_ROWS) throw new SheetImportError('TOO_MANY_CELLS', 'MAX_ROWS');
    if (i >= n) return { rows, delimiter };
  }
  rows.push(row);
  if (rows.length > SHEET_IMPORT_LIMITS.MAX_ROWS) throw new SheetImportError('TOO_MANY_CELLS', 'MAX_ROWS');
  return { rows, delimiter };
}
