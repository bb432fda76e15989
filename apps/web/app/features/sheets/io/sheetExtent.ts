import { SHEET_LIMITS, type SheetData } from '@coffre/docs';

/** An imported sheet is at least as big as a new one, so there is room to type next to the data. */
export const MIN_SHEET_ROWS: number = SHEET_LIMITS.NEW_SHEET_ROWS;
export const MIN_SHEET_COLS: number = SHEET_LIMITS.NEW_SHEET_COLS;

/**
 * Rows and columns an imported sheet needs: everything it holds, and at least
 * the minimum. Files do not record a grid size of their own (an .xlsx's
 * dimension is just its used range), so this is also what a round trip keeps.
 */
export function sheetExtent(sheet: Omit<SheetData, 'name' | 'rowCount' | 'colCount'>): { rowCount: number; colCount: number } {
  let rowCount = Math.max(MIN_SHEET_ROWS, sheet.frozenRows);
  let colCount = Math.max(MIN_SHEET_COLS, sheet.frozenCols);
  for (const cell of sheet.cells) {
    rowCount = Math.max(rowCount, cell.row + 1);
    colCount = Math.max(colCount, cell.col + 1);
  }
  for (const merge of sheet.merges) {
    rowCount = Math.max(rowCount, merge.row + merge.rowspan);
    colCount = Math.max(colCount, merge.col + merge.colspan);
  }
  for (const col of Object.keys(sheet.colWidths)) colCount = Math.max(colCount, Number(col) + 1);
  for (const row of Object.keys(sheet.rowHeights)) rowCount = Math.max(rowCount, Number(row) + 1);
  return { rowCount, colCount };
}
