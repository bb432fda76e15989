import type { SheetData } from '@coffre/docs';
import type { Worksheet } from 'exceljs';
import { excelCellValue } from './excelCellValue.ts';
import { excelStyle } from './excelStyle.ts';

/** The inverse of `readXlsxSheet`'s conversions. */
const PX_PER_WIDTH_UNIT = 7;
const WIDTH_PADDING_PX = 5;
const POINTS_PER_PX = 3 / 4;

/**
 * Writes one model sheet into an empty exceljs worksheet: cells, styles,
 * column widths, row heights, merges and frozen panes. Merges come after the
 * values, since exceljs sends a value written into a merged cell to the
 * merge's first cell.
 */
export function writeXlsxSheet(worksheet: Worksheet, sheet: SheetData, renameSheets: (formula: string) => string): void {
  for (const cell of sheet.cells) {
    const target = worksheet.getCell(cell.row + 1, cell.col + 1);
    target.value = excelCellValue(cell, renameSheets);
    const style = excelStyle(cell.style);
    if (style) target.style = style;
  }
  for (const [col, px] of Object.entries(sheet.colWidths)) {
    worksheet.getColumn(Number(col) + 1).width = Math.max(0, (px - WIDTH_PADDING_PX) / PX_PER_WIDTH_UNIT);
  }
  for (const [row, px] of Object.entries(sheet.rowHeights)) {
    worksheet.getRow(Number(row) + 1).height = Math.max(0, px * POINTS_PER_PX);
  }
  for (const merge of sheet.merges) {
    if (merge.rowspan * merge.colspan > 1) {
      worksheet.mergeCells(merge.row + 1, merge.col + 1, merge.row + merge.rowspan, merge.col + merge.colspan);
    }
  }
  if (sheet.frozenRows > 0 || sheet.frozenCols > 0) {
    const topLeftCell = worksheet.getCell(sheet.frozenRows + 1, sheet.frozenCols + 1).address;
    worksheet.views = [{ state: 'frozen', xSplit: sheet.frozenCols, ySplit: sheet.frozenRows, topLeftCell }];
  }
}
