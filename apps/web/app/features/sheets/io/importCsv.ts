import type { CellData, SheetData } from '@coffre/docs';
import { csvFieldValue } from './csvFieldValue.ts';
import { decodeCsvText } from './decodeCsvText.ts';
import { parseCsv } from './parseCsv.ts';
import { SheetImportError } from './sheetImportError.ts';
import { sheetExtent } from './sheetExtent.ts';
import { SHEET_IMPORT_LIMITS } from './sheetImportLimits.ts';

/**
 * A CSV file as one sheet named `sheetName`: delimiter detected, numbers and
 * booleans typed (see `csvFieldValue`), empty fields left out.
 * @throws SheetImportError `FILE_TOO_LARGE`, `TOO_MANY_CELLS`, `INVALID_TEXT_ENCODING`, `NOT_A_SPREADSHEET`.
 */
export function importCsv(bytes: Uint8Array, sheetName: string): SheetData {
  const { rows } = parseCsv(decodeCsvText(bytes));
  const cells: CellData[] = [];
  rows.forEach((fields, row) => {
    fields.forEach((field, col) => {
      const input = csvFieldValue(field);
      if (input === null) return;
      if (cells.length === SHEET_IMPORT_LIMITS.MAX_CELLS) throw new SheetImportError('TOO_MANY_CELLS', 'MAX_CELLS');
      cells.push({ row, col, input });
    });
  });
  const sheet = { cells, colWidths: {}, rowHeights: {}, merges: [], frozenRows: 0, frozenCols: 0 };
  return { name: sheetName, ...sheetExtent(sheet), ...sheet };
}
