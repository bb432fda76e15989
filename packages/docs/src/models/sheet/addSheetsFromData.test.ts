import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addSheetsFromData } from './addSheetsFromData.ts';
import { Workbook } from './Workbook.ts';
import type { CellData } from './WorkbookData.ts';

describe('addSheetsFromData', () => {
  it('writes a large import in slices, each a bounded update, and loses no cell', () => {
    const wb = new Workbook(new Y.Doc());
    const cells: CellData[] = [];
    for (let row = 0; row < 5_000; row++) for (let col = 0; col < 20; col++) cells.push({ row, col, input: col === 19 ? `=A${row + 1}*2` : row * 20 + col });
    const updates: Uint8Array[] = [];
    wb.doc.on('updateV2', (u: Uint8Array) => updates.push(u));
    const [id] = addSheetsFromData(wb, { sheets: [{ name: 'Big', rowCount: 5_000, colCount: 20, cells, colWidths: {}, rowHeights: {}, merges: [], frozenRows: 0, frozenCols: 0 }] });
    expect(updates.length).toBeGreaterThanOrEqual(5);
    for (const u of updates) expect(u.length).toBeLessThan(1024 * 1024);
    const view = wb.requireSheet(id!);
    expect(view.getInput(4_999, 18)).toBe(4_999 * 20 + 18);
    expect(view.getInput(4_999, 19)).toBe('=A5000*2');
    let count = 0;
    view.forEachInput(() => count++);
    expect(count).toBe(100_000);
  });
});
