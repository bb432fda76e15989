import { SHEET_LIMITS } from '../models/sheet/sheetLayout.ts';
import type { SheetData } from '../models/sheet/WorkbookData.ts';

/** A fixture: an imported sheet, empty and of the size a new sheet has, unless overridden. */
export function buildSheetData(overrides: Partial<SheetData> = {}): SheetData {
  return {
    name: 'Sheet',
    rowCount: SHEET_LIMITS.NEW_SHEET_ROWS,
    colCount: SHEET_LIMITS.NEW_SHEET_COLS,
    cells: [],
    colWidths: {},
    rowHeights: {},
    merges: [],
    frozenRows: 0,
    frozenCols: 0,
    ...overrides,
  };
}
