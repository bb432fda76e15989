import '../../testing/failOnConsoleError.ts';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { buildSheetData } from '../../testing/buildSheetData.ts';
import { buildWorkbook } from '../../testing/buildWorkbook.ts';
import { syncDocs } from '../../testing/syncDocs.ts';
import { addSheetsFromData } from './addSheetsFromData.ts';
import { SHEET_LIMITS } from './sheetLayout.ts';
import { Workbook } from './Workbook.ts';
import { workbookToData } from './workbookToData.ts';

const refusal = (code: string) => expect.objectContaining({ name: 'SheetError', code }) as unknown as Error;

describe('workbookToData and addSheetsFromData', () => {
  it('round-trip a workbook: inputs, formulas across sheets, styles, sizes, merges, frozen panes', () => {
    const src = new Workbook(new Y.Doc());
    src.ensureFirstSheet();
    const q1 = src.addSheet({ name: 'Q1 data' });
    const first = src.requireSheet(src.sheets()[0]!.id);
    const data = src.requireSheet(q1);
    data.setInputs([{ row: 0, col: 0, input: 'label' }, { row: 1, col: 1, input: 42 }, { row: 2, col: 1, input: true }, { row: 3, col: 1, input: '=SUM(B1:B3)' }]);
    first.setInputs([{ row: 0, col: 0, input: "='Q1 data'!B2*2" }, { row: 99, col: 25, input: '=$A$1&"A1"' }]);
    first.setStyle({ row: 0, col: 0, row2: 1, col2: 2 }, { bold: true, background: '#00ff00', format: { kind: 'percent', decimals: 1 } });
    first.setColWidth(3, 150);
    first.setRowHeight(4, 30);
    first.merge({ row: 5, col: 0, row2: 6, col2: 2 });
    first.setFrozen(1, 2);
    const exported = workbookToData(src);
    expect(exported.sheets.map((s) => s.name)).toEqual(['Sheet 1', 'Q1 data']);
    expect(exported.sheets[0]).toMatchObject({ colWidths: { 3: 150 }, rowHeights: { 4: 30 }, merges: [{ row: 5, col: 0, rowspan: 2, colspan: 3 }], frozenRows: 1, frozenCols: 2 });

    const dst = new Workbook(new Y.Doc());
    const ids = addSheetsFromData(dst, exported);
    expect(workbookToData(dst)).toEqual(exported);
    dst.requireSheet(ids[1]!).insertRows(0, 1);
    expect(dst.requireSheet(ids[0]!).getInput(0, 0)).toBe("='Q1 data'!B3*2");
  });

  it('an imported sheet whose name is taken gets a number, and the imported formulas point at the imported copy', () => {
    const { wb } = buildWorkbook({ name: 'Sheet 1' });
    const oldData = wb.addSheet({ name: 'Data' });
    const ids = addSheetsFromData(wb, {
      sheets: [
        buildSheetData({ name: 'data', cells: [{ row: 0, col: 0, input: '=Report!B1' }] }),
        buildSheetData({ name: 'Report', cells: [{ row: 0, col: 0, input: '=Data!A1+SUM(data!A1:A3)+\'Sheet 1\'!A1' }] }),
      ],
    });
    expect(wb.sheets().map((s) => s.name)).toEqual(['Sheet 1', 'Data', 'data 2', 'Report']);
    const [newData, report] = ids.map((id) => wb.requireSheet(id));
    expect(report!.getInput(0, 0)).toBe("='data 2'!A1+SUM('data 2'!A1:A3)+'Sheet 1'!A1");
    wb.requireSheet(oldData).insertRows(0, 5);
    newData!.insertRows(0, 1);
    expect(report!.getInput(0, 0)).toBe("='data 2'!A2+SUM('data 2'!A2:A4)+'Sheet 1'!A1");
    expect(newData!.getInput(1, 0)).toBe('=Report!B1');
  });

  it('grows a sheet to hold its cells, gives a small one the size of a new sheet, and drops cells at negative positions', () => {
    const wb = new Workbook(new Y.Doc());
    const [id] = addSheetsFromData(wb, {
      sheets: [buildSheetData({ rowCount: 3, colCount: 2, cells: [{ row: 149, col: 29, input: 'far' }, { row: -1, col: 0, input: 'gone' }] })],
    });
    const s = wb.requireSheet(id!);
    expect([s.rowCount, s.colCount]).toEqual([150, 30]);
    expect(s.toMatrix().flat().filter((v) => v !== null)).toEqual(['far']);
  });

  it('refuses data past a limit, adding nothing', () => {
    const { doc, wb } = buildWorkbook();
    const before = Y.encodeStateVector(doc);
    expect(() => addSheetsFromData(wb, { sheets: Array.from({ length: SHEET_LIMITS.MAX_SHEETS }, () => buildSheetData()) })).toThrow(refusal('TOO_MANY_SHEETS'));
    const tooLong = buildSheetData({ cells: [{ row: 0, col: 0, input: 'x'.repeat(SHEET_LIMITS.MAX_CELL_CHARS + 1) }] });
    expect(() => addSheetsFromData(wb, { sheets: [buildSheetData(), tooLong] })).toThrow(refusal('CELL_TOO_LONG'));
    expect(() => addSheetsFromData(wb, { sheets: [buildSheetData({ colCount: SHEET_LIMITS.MAX_COLS + 1 })] })).toThrow(refusal('TOO_MANY_COLUMNS'));
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(wb.sheets()).toHaveLength(1);
  });
});

describe('export after concurrent edits', () => {
  it('peers that received the same merges in another order export the same data', () => {
    const a = buildWorkbook({ clientID: 1 });
    const b = buildWorkbook({ from: a.doc, clientID: 2 });
    a.sheet.merge({ row: 0, col: 0, row2: 1, col2: 1 });
    b.sheet.merge({ row: 3, col: 0, row2: 4, col2: 1 });
    const fromA = Y.encodeStateAsUpdate(a.doc);
    const fromB = Y.encodeStateAsUpdate(b.doc);
    const c = buildWorkbook({ from: a.doc, clientID: 3 });
    const d = buildWorkbook({ from: b.doc, clientID: 4 });
    Y.applyUpdate(c.doc, fromB, 'remote');
    Y.applyUpdate(d.doc, fromA, 'remote');
    // Y.Map iterates keys in the order this peer happened to receive them
    expect(workbookToData(d.wb)).toEqual(workbookToData(c.wb));
  });

  it('two overlapping ranges merged at once leave merges that do not overlap', () => {
    const a = buildWorkbook({ clientID: 1 });
    const b = buildWorkbook({ from: a.doc, clientID: 2 });
    a.sheet.merge({ row: 0, col: 0, row2: 1, col2: 1 });
    b.sheet.merge({ row: 1, col: 1, row2: 2, col2: 2 });
    syncDocs([a.doc, b.doc]);
    const cells = a.sheet.merges().flatMap((m) => Array.from({ length: m.rowspan * m.colspan }, (_, i) => `${m.row + Math.floor(i / m.colspan)}:${m.col + (i % m.colspan)}`));
    expect(new Set(cells).size, 'a cell lies in two merges').toBe(cells.length);
  });

  it('two sheets given the same name at once are exported under distinct names', () => {
    const a = buildWorkbook({ clientID: 1 });
    const second = a.wb.addSheet({ name: 'Other' });
    a.wb.requireSheet(second).setInput(0, 0, "='Sheet 1'!A1");
    const b = buildWorkbook({ from: a.doc, clientID: 2 });
    a.wb.renameSheet(a.sheet.id, 'Budget');
    b.wb.renameSheet(second, 'budget');
    syncDocs([a.doc, b.doc]);
    const exported = workbookToData(a.wb);
    const lower = exported.sheets.map((s) => s.name.toLocaleLowerCase());
    expect(new Set(lower).size, `names ${JSON.stringify(lower)}`).toBe(lower.length);
  });

  it('an imported file with two sheets named alike keeps formulas pointing at the right one', () => {
    // what our own export produces after the concurrent rename above; the import's name map keeps only the last
    const wb = new Workbook(new Y.Doc());
    const ids = addSheetsFromData(wb, { sheets: [buildSheetData({ name: 'Budget' }), buildSheetData({ name: 'budget', cells: [{ row: 0, col: 0, input: '=Budget!A1' }] })] });
    expect(wb.requireSheet(ids[1]!).getInput(0, 0)).toBe('=Budget!A1');
  });
});
