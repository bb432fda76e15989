import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { Workbook } from '@coffre/docs';
import { SheetEngine } from './SheetEngine.ts';

function workbook(cells: Record<string, (string | number)[][]>): { wb: Workbook; ids: string[] } {
  const wb = new Workbook(new Y.Doc());
  const ids = Object.entries(cells).map(([name, rows]) => {
    const id = wb.addSheet({ name });
    const view = wb.requireSheet(id);
    view.setInputs(rows.flatMap((row, r) => row.map((input, c) => ({ row: r, col: c, input }))));
    return id;
  });
  return { wb, ids };
}

describe('SheetEngine: HyperFormula over the workbook', () => {
  it('computes the common functions, across sheets and ranges', () => {
    const { wb, ids } = workbook({
      Prices: [
        ['apple', 1.5],
        ['pear', 2],
        ['fig', 4],
      ],
      'Q1 sales': [
        [3, '=SUM(A1:A3)', '=AVERAGE(A1:A3)', '=IF(A1>2,"big","small")'],
        [5, "=VLOOKUP(\"pear\",Prices!A1:B3,2,FALSE)", '=XLOOKUP("fig",Prices!A1:A3,Prices!B1:B3)', '=COUNTIF(A1:A3,">3")'],
        [7, '=DATE(2026,12,3)-DATE(2026,1,1)', '=UPPER(CONCATENATE("a","b"))', "='Q1 sales'!A1*Prices!B1"],
      ],
    });
    const e = new SheetEngine(wb);
    const v = (row: number, col: number) => e.computed(ids[1]!, row, col).value;
    expect([v(0, 1), v(0, 2), v(0, 3)]).toEqual([15, 5, 'big']);
    expect([v(1, 1), v(1, 2), v(1, 3)]).toEqual([2, 4, 2]);
    expect([v(2, 1), v(2, 2), v(2, 3)]).toEqual([336, 'AB', 4.5]);
    e.destroy();
  });

  it('names errors, and gives dates and percentages their kind', () => {
    const { wb, ids } = workbook({ S: [['=1/0', '=A5+Nowhere!A1', '2026-12-03', '12%', '=B9', '007']] });
    const e = new SheetEngine(wb);
    const c = (col: number) => e.computed(ids[0]!, 0, col);
    expect(c(0)).toMatchObject({ value: '#DIV/0!', error: true });
    expect(c(1).error).toBe(true);
    expect(c(2)).toMatchObject({ kind: 'date', value: 46359 });
    expect(c(3)).toMatchObject({ kind: 'percent', value: 0.12 });
    // A reference to an empty cell is empty, as in Google Sheets (Excel shows 0).
    expect(c(4).value).toBeNull();
    // Kept as text on purpose: not read as 7.
    expect(c(5)).toMatchObject({ value: '007', kind: 'text' });
    e.destroy();
  });

  it('follows cell edits and, after a rebuild, inserted rows and renamed sheets', () => {
    const { wb, ids } = workbook({ Data: [[1], [2]], Sum: [["=SUM(Data!A1:A2)"]] });
    const e = new SheetEngine(wb);
    const data = wb.requireSheet(ids[0]!);
    data.setInput(0, 0, 10);
    e.setCells(ids[0]!, [{ row: 0, col: 0, input: 10 }]);
    expect(e.computed(ids[1]!, 0, 0).value).toBe(12);
    data.insertRows(0, 1);
    data.setInput(0, 0, 100);
    wb.renameSheet(ids[0]!, 'Renamed data');
    e.rebuild();
    // The formula still covers the two original cells, not the new row above them.
    expect(wb.requireSheet(ids[1]!).getInput(0, 0)).toBe("=SUM('Renamed data'!A2:A3)");
    expect(e.computed(ids[1]!, 0, 0).value).toBe(12);
    e.destroy();
  });
});
