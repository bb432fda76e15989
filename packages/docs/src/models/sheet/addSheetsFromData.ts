import { SheetError } from './SheetError.ts';
import { SHEET_EDIT, SHEET_LIMITS } from './sheetLayout.ts';
import type { Workbook } from './Workbook.ts';
import type { WorkbookData } from './WorkbookData.ts';

/** About 30 bytes of Yjs update per cell: 20,000 cells stay well under one envelope's limit. */
const CELLS_PER_TRANSACTION = 20_000;

/**
 * Adds the sheets of `data` (an imported file) after the existing ones, in a few
 * transactions: names that are taken get a number, and formulas that name an
 * imported sheet point at the new copy, not at an older sheet of that name.
 * @throws SheetError when a limit would be passed; nothing is added then.
 * @returns the new sheets' ids.
 */
export function addSheetsFromData(wb: Workbook, data: WorkbookData): string[] {
  if (wb.sheets().length + data.sheets.length > SHEET_LIMITS.MAX_SHEETS) throw new SheetError('TOO_MANY_SHEETS');
  for (const s of data.sheets) {
    if (s.rowCount > SHEET_LIMITS.MAX_ROWS) throw new SheetError('TOO_MANY_ROWS');
    if (s.colCount > SHEET_LIMITS.MAX_COLS) throw new SheetError('TOO_MANY_COLUMNS');
    for (const c of s.cells) if (typeof c.input === 'string' && c.input.length > SHEET_LIMITS.MAX_CELL_CHARS) throw new SheetError('CELL_TOO_LONG');
  }
  const ids: string[] = [];
  const names = new Map<string, string>();
  wb.doc.transact(() => {
    for (const s of data.sheets) {
      const maxRow = s.cells.reduce((n, c) => Math.max(n, c.row + 1), s.rowCount);
      const maxCol = s.cells.reduce((n, c) => Math.max(n, c.col + 1), s.colCount);
      const id = wb.addSheet({
        name: s.name,
        rows: Math.min(SHEET_LIMITS.MAX_ROWS, Math.max(maxRow, SHEET_LIMITS.NEW_SHEET_ROWS)),
        cols: Math.min(SHEET_LIMITS.MAX_COLS, Math.max(maxCol, SHEET_LIMITS.NEW_SHEET_COLS)),
      });
      const key = s.name.toLocaleLowerCase();
      if (!names.has(key)) names.set(key, id);
      ids.push(id);
    }
    data.sheets.forEach((s, i) => {
      const view = wb.requireSheet(ids[i]!);
      for (const [col, w] of Object.entries(s.colWidths)) view.setColWidth(Number(col), w);
      for (const [row, h] of Object.entries(s.rowHeights)) view.setRowHeight(Number(row), h);
      for (const m of s.merges) if (m.rowspan >= 1 && m.colspan >= 1) view.merge({ row: m.row, col: m.col, row2: m.row + m.rowspan - 1, col2: m.col + m.colspan - 1 });
      if (s.frozenRows || s.frozenCols) view.setFrozen(s.frozenRows, s.frozenCols);
    });
  }, SHEET_EDIT);
  // Cells go in slices, one transaction each, so a large file syncs as several envelopes of bounded size.
  data.sheets.forEach((s, i) => {
    const view = wb.requireSheet(ids[i]!);
    const resolver = wb.resolver(view.id, names);
    const inside = s.cells.filter((c) => c.row >= 0 && c.col >= 0 && c.row < view.rowCount && c.col < view.colCount);
    for (let at = 0; at < inside.length; at += CELLS_PER_TRANSACTION) {
      const slice = inside.slice(at, at + CELLS_PER_TRANSACTION);
      wb.doc.transact(() => {
        view.setInputs(slice.filter((c) => c.input !== null).map(({ row, col, input }) => ({ row, col, input })), resolver);
        for (const c of slice) if (c.style) view.setStyle({ row: c.row, col: c.col, row2: c.row, col2: c.col }, c.style);
      }, SHEET_EDIT);
    }
  });
  return ids;
}
