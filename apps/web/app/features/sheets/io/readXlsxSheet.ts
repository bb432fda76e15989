import type { CellData, MergeData, SheetData } from '@coffre/docs';
import type { Cell, Worksheet } from 'exceljs';
import { cellStyleFromExcel } from './cellStyleFromExcel.ts';
import type { ExcelJs } from './loadExcelJs.ts';
import { readXlsxCellInput } from './readXlsxCellInput.ts';
import { SheetImportError } from './sheetImportError.ts';
import { MIN_SHEET_COLS, MIN_SHEET_ROWS } from './sheetExtent.ts';
import { SHEET_IMPORT_LIMITS } from './sheetImportLimits.ts';

/** Pixels for Excel's width unit (the width of a '0' in the default font, about 7 px) plus the cell padding. */
const PX_PER_WIDTH_UNIT = 7;
const WIDTH_PADDING_PX = 5;
const PX_PER_POINT = 4 / 3;

/** A running count of cells over all sheets of one import. */
export type CellBudget = { left: number };

/**
 * One loaded exceljs worksheet as the model's sheet. Reads by position with
 * `findRow`/`findCell`, which create nothing (`eachRow`/`eachCell` with
 * `includeEmpty` would, and skip formatted empty cells without). Formatting past the row and
 * column limits is dropped; content past them is refused. Widths and heights
 * count only within the content (or the minimum sheet size), so a file that
 * sizes all 16,384 columns does not become 16,384 columns wide.
 * @throws SheetImportError `TOO_MANY_CELLS`.
 */
export function readXlsxSheet(worksheet: Worksheet, excel: ExcelJs, budget: CellBudget): SheetData {
  const { MAX_ROWS, MAX_COLS } = SHEET_IMPORT_LIMITS;
  const tooMany = (limit: 'MAX_ROWS' | 'MAX_COLS' | 'MAX_CELLS') => new SheetImportError('TOO_MANY_CELLS', limit);
  const cells: CellData[] = [];
  const mergeOf = new Map<Cell, MergeData>();
  let rowCount = MIN_SHEET_ROWS;
  let colCount = MIN_SHEET_COLS;
  const heights: [number, number][] = [];

  for (let r = 1; r <= Math.min(worksheet.rowCount, MAX_ROWS); r++) {
    const row = worksheet.findRow(r);
    if (!row) continue;
    if (row.height) heights.push([r - 1, Math.round(row.height * PX_PER_POINT)]);
    for (let c = 1; c <= Math.min(row.cellCount, MAX_COLS); c++) {
      const cell = row.findCell(c);
      if (!cell) continue;
      if (cell.type === excel.ValueType.Merge) {
        const master = cell.master;
        const merge = mergeOf.get(master) ?? { row: Number(master.row) - 1, col: Number(master.col) - 1, rowspan: 1, colspan: 1 };
        merge.rowspan = Math.max(merge.rowspan, r - merge.row);
        merge.colspan = Math.max(merge.colspan, c - merge.col);
        mergeOf.set(master, merge);
        continue;
      }
      const input = readXlsxCellInput(cell, excel);
      const style = cellStyleFromExcel(cell.style);
      if (input === null && !style) continue;
      if (--budget.left < 0) throw tooMany('MAX_CELLS');
      cells.push(style ? { row: r - 1, col: c - 1, input, style } : { row: r - 1, col: c - 1, input });
      rowCount = Math.max(rowCount, r);
      colCount = Math.max(colCount, c);
    }
    if (row.cellCount > MAX_COLS) {
      row.eachCell((cell, c) => {
        if (c > MAX_COLS && cell.type !== excel.ValueType.Merge) throw tooMany('MAX_COLS'); // only cells with values are visited
      });
    }
  }
  if (worksheet.rowCount > MAX_ROWS) {
    worksheet.eachRow((_, r) => {
      if (r > MAX_ROWS) throw tooMany('MAX_ROWS'); // only rows with values are visited
    });
  }

  const merges = [...mergeOf.values()].filter((m) => m.row + m.rowspan <= MAX_ROWS && m.col + m.colspan <= MAX_COLS);
  for (const merge of merges) {
    rowCount = Math.max(rowCount, merge.row + merge.rowspan);
    colCount = Math.max(colCount, merge.col + merge.colspan);
  }
  const frozen = worksheet.views?.find((view) => view.state === 'frozen') as { xSplit?: number; ySplit?: number } | undefined;
  const frozenRows = Math.min(Math.max(0, Math.floor(frozen?.ySplit ?? 0)), MAX_ROWS);
  const frozenCols = Math.min(Math.max(0, Math.floor(frozen?.xSplit ?? 0)), MAX_COLS);
  rowCount = Math.max(rowCount, frozenRows);
  colCount = Math.max(colCount, frozenCols);

  const colWidths: Record<number, number> = {};
  for (const column of worksheet.columns ?? []) {
    const index = (column.number ?? Infinity) - 1;
    if (index < colCount && column.width !== undefined && !column.hidden) {
      colWidths[index] = Math.round(column.width * PX_PER_WIDTH_UNIT + WIDTH_PADDING_PX);
    }
  }
  const rowHeights: Record<number, number> = {};
  for (const [row, px] of heights) if (row < rowCount) rowHeights[row] = px;

  return { name: worksheet.name, rowCount, colCount, cells, colWidths, rowHeights, merges, frozenRows, frozenCols };
}
