import type { Workbook } from './Workbook.ts';
import type { CellData, SheetData, WorkbookData } from './WorkbookData.ts';

/** The whole workbook as plain data by position (for export), formulas as A1 text. */
export function workbookToData(wb: Workbook): WorkbookData {
  return {
    sheets: wb.sheets().map(({ id, name }): SheetData => {
      const s = wb.requireSheet(id);
      const byKey = new Map<string, CellData>();
      const at = (row: number, col: number) => {
        const k = `${row}:${col}`;
        let c = byKey.get(k);
        if (!c) byKey.set(k, (c = { row, col, input: null }));
        return c;
      };
      s.forEachInput((row, col, input) => (at(row, col).input = input));
      s.forEachStyle((row, col, style) => (at(row, col).style = style));
      const colWidths: Record<number, number> = {};
      for (let c = 0; c < s.colCount; c++) {
        const w = s.colWidth(c);
        if (w !== undefined) colWidths[c] = w;
      }
      const rowHeights: Record<number, number> = {};
      for (let r = 0; r < s.rowCount; r++) {
        const h = s.rowHeight(r);
        if (h !== undefined) rowHeights[r] = h;
      }
      const frozen = s.frozen();
      return {
        name,
        rowCount: s.rowCount,
        colCount: s.colCount,
        cells: [...byKey.values()].sort((a, b) => a.row - b.row || a.col - b.col),
        colWidths,
        rowHeights,
        merges: s.merges().map(({ row, col, rowspan, colspan }) => ({ row, col, rowspan, colspan })),
        frozenRows: frozen.rows,
        frozenCols: frozen.cols,
      };
    }),
  };
}
