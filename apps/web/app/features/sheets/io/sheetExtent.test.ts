import { describe, expect, it } from 'vitest';
import { MIN_SHEET_COLS, MIN_SHEET_ROWS, sheetExtent } from './sheetExtent.ts';
import { buildSheetData } from './testing/buildSheetData.ts';

describe('sheetExtent', () => {
  it('is the minimum for a small sheet', () => {
    expect(sheetExtent(buildSheetData({ cells: [{ row: 3, col: 2, input: 1 }] }))).toEqual({ rowCount: MIN_SHEET_ROWS, colCount: MIN_SHEET_COLS });
  });

  it('covers cells, merges, sizes and frozen panes', () => {
    expect(sheetExtent(buildSheetData({ cells: [{ row: 150, col: 0, input: 1 }] }))).toEqual({ rowCount: 151, colCount: MIN_SHEET_COLS });
    expect(sheetExtent(buildSheetData({ merges: [{ row: 99, col: 29, rowspan: 3, colspan: 2 }] }))).toEqual({ rowCount: 102, colCount: 31 });
    expect(sheetExtent(buildSheetData({ colWidths: { 40: 100 }, rowHeights: { 200: 30 } }))).toEqual({ rowCount: 201, colCount: 41 });
    expect(sheetExtent(buildSheetData({ frozenRows: 120, frozenCols: 30 }))).toEqual({ rowCount: 120, colCount: 30 });
  });
});
