import type { SheetData } from '@coffre/docs';

/** Test-only: an empty 100 × 26 sheet (the import minimum), with `overrides`. */
export function buildSheetData(overrides: Partial<SheetData> = {}): SheetData {
  return { name: 'Sheet1', rowCount: 100, colCount: 26, cells: [], colWidths: {}, rowHeights: {}, merges: [], frozenRows: 0, frozenCols: 0, ...overrides };
}
