import '../../testing/failOnConsoleError.ts';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { buildWorkbook } from '../../testing/buildWorkbook.ts';
import { readCellStyle } from './readCellStyle.ts';
import { SHEET_LIMITS } from './sheetLayout.ts';
import type { SheetView } from './SheetView.ts';

/** Column A of a sheet whose rows are labelled r0, r1, … */
function labelled(rows = 6, cols = 4) {
  const built = buildWorkbook({ rows, cols });
  built.sheet.setInputs(Array.from({ length: rows }, (_, row) => ({ row, col: 0, input: `r${row}` })));
  return built;
}
const columnA = (s: SheetView) => Array.from({ length: s.rowCount }, (_, r) => s.getInput(r, 0));

describe('rows and columns', () => {
  it('inserts rows before a position, or at the end past it', () => {
    const { sheet } = labelled();
    const fresh = sheet.insertRows(1, 2);
    expect(sheet.rows().visible.slice(1, 3)).toEqual(fresh);
    expect(columnA(sheet)).toEqual(['r0', null, null, 'r1', 'r2', 'r3', 'r4', 'r5']);
    sheet.insertRows(99, 1);
    expect(sheet.rowCount).toBe(9);
    expect(sheet.getInput(8, 0)).toBeNull();
  });

  it('deletes rows with their cells, styles and heights', () => {
    const { sheet } = labelled();
    sheet.setStyle({ row: 2, col: 0, row2: 2, col2: 3 }, { bold: true });
    sheet.setRowHeight(2, 40);
    const gone = sheet.rows().visible[2]!;
    sheet.deleteRows(2, 2);
    expect(columnA(sheet)).toEqual(['r0', 'r1', 'r4', 'r5']);
    expect([...sheet.cells().keys(), ...sheet.styles().keys()].filter((k) => k.startsWith(gone))).toEqual([]);
    expect(sheet.rows().all).toContain(gone);
    expect(sheet.rowHeight(2)).toBeUndefined();
    sheet.deleteRows(10, 3);
    expect(sheet.rowCount).toBe(4);
  });

  it('moves rows so the first of them lands at the final index', () => {
    const { sheet } = labelled(5);
    sheet.moveRows([0, 1], 3);
    expect(columnA(sheet)).toEqual(['r2', 'r3', 'r4', 'r0', 'r1']);
    sheet.moveRows([4], 0);
    expect(columnA(sheet)).toEqual(['r1', 'r2', 'r3', 'r4', 'r0']);
  });

  it('inserts, deletes and moves columns', () => {
    const { sheet } = buildWorkbook({ rows: 2, cols: 4 });
    sheet.setInputs(['a', 'b', 'c', 'd'].map((input, col) => ({ row: 0, col, input })));
    const row = () => Array.from({ length: sheet.colCount }, (_, c) => sheet.getInput(0, c));
    sheet.insertCols(1, 1);
    expect(row()).toEqual(['a', null, 'b', 'c', 'd']);
    sheet.deleteCols(0, 2);
    expect(row()).toEqual(['b', 'c', 'd']);
    sheet.moveCols([2], 0);
    expect(row()).toEqual(['d', 'b', 'c']);
  });

  it('refuses rows or columns past the limits', () => {
    const { sheet } = buildWorkbook();
    expect(() => sheet.insertRows(0, SHEET_LIMITS.MAX_ROWS)).toThrow(expect.objectContaining({ code: 'TOO_MANY_ROWS' }) as unknown as Error);
    expect(() => sheet.insertCols(0, SHEET_LIMITS.MAX_COLS)).toThrow(expect.objectContaining({ code: 'TOO_MANY_COLUMNS' }) as unknown as Error);
    expect([sheet.rowCount, sheet.colCount]).toEqual([6, 4]);
  });
});

describe('cell inputs', () => {
  it('keeps strings, numbers and booleans; empty strings, null and non-finite numbers clear', () => {
    const { sheet } = buildWorkbook();
    sheet.setInputs([{ row: 0, col: 0, input: 'x' }, { row: 0, col: 1, input: 3.5 }, { row: 0, col: 2, input: false }, { row: 1, col: 0, input: 'y' }]);
    expect([sheet.getInput(0, 0), sheet.getInput(0, 1), sheet.getInput(0, 2)]).toEqual(['x', 3.5, false]);
    sheet.setInputs([{ row: 0, col: 0, input: '' }, { row: 0, col: 1, input: Number.NaN }, { row: 0, col: 2, input: null }]);
    expect(sheet.toMatrix().flat().filter((v) => v !== null)).toEqual(['y']);
    expect(sheet.cells().size).toBe(1);
  });

  it('refuses a whole batch when one cell is too long, writing nothing', () => {
    const { doc, sheet } = buildWorkbook();
    const before = Y.encodeStateVector(doc);
    const batch = [{ row: 0, col: 0, input: 'fine' }, { row: 1, col: 0, input: 'x'.repeat(SHEET_LIMITS.MAX_CELL_CHARS + 1) }];
    expect(() => sheet.setInputs(batch)).toThrow(expect.objectContaining({ code: 'CELL_TOO_LONG' }) as unknown as Error);
    expect(() => sheet.setInputs([batch[0]!, { row: 6, col: 0, input: 'x' }])).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }) as unknown as Error);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(sheet.getInput(0, 0)).toBeNull();
    sheet.setInput(1, 0, 'x'.repeat(SHEET_LIMITS.MAX_CELL_CHARS));
    expect(sheet.getInput(1, 0)).toHaveLength(SHEET_LIMITS.MAX_CELL_CHARS);
  });
});

describe('styles', () => {
  it('merges patches, clears a field set to undefined, and drops an empty style', () => {
    const { sheet } = buildWorkbook();
    const range = { row: 0, col: 0, row2: 1, col2: 1 };
    sheet.setStyle(range, { bold: true });
    sheet.setStyle({ row: 1, col: 1, row2: 0, col2: 0 }, { color: '#FF0000', format: { kind: 'currency', decimals: 0, currency: 'EUR' } });
    expect(sheet.getStyle(1, 1)).toEqual({ bold: true, color: '#ff0000', format: { kind: 'currency', decimals: 0, currency: 'EUR' } });
    sheet.setStyle(range, { color: undefined, format: undefined });
    expect(sheet.getStyle(0, 0)).toEqual({ bold: true });
    sheet.setStyle(range, { bold: undefined });
    expect(sheet.styles().size).toBe(0);
  });

  it('drops hostile values', () => {
    const { sheet } = buildWorkbook();
    sheet.setStyle({ row: 0, col: 0, row2: 0, col2: 0 }, { color: 'red;background:url(x)', background: 'url(javascript:x)', align: 'justify', bold: 'yes', italic: true });
    expect(sheet.getStyle(0, 0)).toEqual({ italic: true });
    expect(readCellStyle({ format: { kind: 'currency', currency: 'eur<script>' } })).toBeUndefined();
    expect(readCellStyle({ format: { kind: 'number', decimals: 99 } })).toEqual({ format: { kind: 'number', decimals: 2 } });
    expect(readCellStyle(['bold'])).toBeUndefined();
    expect(readCellStyle('bold')).toBeUndefined();
  });
});

describe('sizes', () => {
  it('clamps column widths and row heights; null restores the default', () => {
    const { sheet } = buildWorkbook();
    sheet.setColWidth(0, 2);
    sheet.setColWidth(1, 99_999);
    sheet.setColWidth(2, 99.6);
    sheet.setRowHeight(0, Number.POSITIVE_INFINITY);
    expect([sheet.colWidth(0), sheet.colWidth(1), sheet.colWidth(2), sheet.rowHeight(0)]).toEqual([SHEET_LIMITS.MIN_SIZE_PX, SHEET_LIMITS.MAX_SIZE_PX, 100, SHEET_LIMITS.MAX_SIZE_PX]);
    sheet.setColWidth(0, null);
    expect(sheet.colWidth(0)).toBeUndefined();
    sheet.deleteCols(1, 1);
    expect(sheet.colWidth(1)).toBe(100);
  });
});

describe('merges', () => {
  const spans = (s: SheetView) => s.merges().map(({ row, col, rowspan, colspan }) => [row, col, rowspan, colspan]);

  it('a merge replaces any merge it overlaps and keeps the others', () => {
    const { sheet } = buildWorkbook();
    sheet.merge({ row: 0, col: 0, row2: 1, col2: 1 });
    sheet.merge({ row: 4, col: 0, row2: 5, col2: 0 });
    sheet.merge({ row: 2, col: 2, row2: 1, col2: 1 });
    expect(spans(sheet).sort()).toEqual([[1, 1, 2, 2], [4, 0, 2, 1]]);
    sheet.merge({ row: 3, col: 3, row2: 3, col2: 3 });
    expect(spans(sheet)).toHaveLength(2);
    expect(() => sheet.merge({ row: 5, col: 0, row2: 6, col2: 0 })).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }) as unknown as Error);
  });

  it('shrinks when its rows are deleted and goes when one cell is left', () => {
    const { sheet } = buildWorkbook();
    sheet.merge({ row: 1, col: 0, row2: 3, col2: 0 });
    sheet.deleteRows(3, 1);
    expect(spans(sheet)).toEqual([[1, 0, 2, 1]]);
    sheet.deleteRows(0, 2);
    expect(spans(sheet)).toEqual([]);
  });

  it('unmerges every merge over a cell', () => {
    const { sheet } = buildWorkbook();
    sheet.merge({ row: 0, col: 0, row2: 2, col2: 2 });
    sheet.unmerge(3, 3);
    expect(spans(sheet)).toHaveLength(1);
    sheet.unmerge(1, 2);
    expect(spans(sheet)).toEqual([]);
  });
});

describe('frozen panes', () => {
  it('are whole, non-negative and no more than the sheet has', () => {
    const { sheet } = buildWorkbook();
    expect(sheet.frozen()).toEqual({ rows: 0, cols: 0 });
    sheet.setFrozen(2.7, 1);
    expect(sheet.frozen()).toEqual({ rows: 2, cols: 1 });
    sheet.setFrozen(50, -1);
    expect(sheet.frozen()).toEqual({ rows: 6, cols: 0 });
    sheet.deleteRows(0, 5);
    expect(sheet.frozen().rows).toBe(1);
  });
});
