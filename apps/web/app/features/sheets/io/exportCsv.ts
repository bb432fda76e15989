import type { SheetData } from '@coffre/docs';
import { csvCellText } from './csvCellText.ts';
import type { CsvDelimiter } from './detectCsvDelimiter.ts';

/**
 * A sheet as RFC 4180 CSV: every record as wide as the widest, CRLF after
 * each, fields quoted when they hold the delimiter, a quote or a line break.
 * Cells are written as `csvCellText` shows them (results, ISO dates, formula
 * injection guarded). Trailing empty rows and columns are left out. No
 * byte-order mark: add '\uFEFF' when encoding for Excel, which otherwise
 * reads UTF-8 as the local code page.
 */
export function exportCsv(sheet: SheetData, options: { delimiter?: CsvDelimiter } = {}): string {
  const delimiter = options.delimiter ?? ',';
  const grid = new Map<number, Map<number, string>>();
  let width = 0;
  let height = 0;
  for (const cell of sheet.cells) {
    const text = csvCellText(cell);
    if (text === '') continue;
    let row = grid.get(cell.row);
    if (!row) grid.set(cell.row, (row = new Map()));
    row.set(cell.col, text);
    width = Math.max(width, cell.col + 1);
    height = Math.max(height, cell.row + 1);
  }
  const quote = (field: string) =>
    field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
  let out = '';
  for (let r = 0; r < height; r++) {
    const row = grid.get(r);
    const fields: string[] = [];
    for (let c = 0; c < width; c++) fields.push(quote(row?.get(c) ?? ''));
    out += fields.join(delimiter) + '\r\n';
  }
  return out;
}
