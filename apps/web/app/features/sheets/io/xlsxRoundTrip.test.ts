import type { WorkbookData } from '@coffre/docs';
import { describe, expect, it } from 'vitest';
import { exportXlsx } from './exportXlsx.ts';
import { importXlsx } from './importXlsx.ts';
import { buildSampleWorkbook } from './testing/buildSampleWorkbook.ts';
import { buildSheetData } from './testing/buildSheetData.ts';

/** Import does not read cached results: the grid recomputes them. */
const withoutResults = (data: WorkbookData): WorkbookData => ({
  sheets: data.sheets.map((sheet) => ({ ...sheet, cells: sheet.cells.map(({ result: _, ...cell }) => cell) })),
});

describe('exportXlsx → importXlsx', () => {
  it('gives back the same workbook', async () => {
    const data = buildSampleWorkbook();
    expect(await importXlsx(await exportXlsx(data))).toEqual(withoutResults(data));
  });

  it('gives back sheets bigger than the minimum size, by their content', async () => {
    const data = { sheets: [buildSheetData({ rowCount: 300, colCount: 40, cells: [{ row: 299, col: 39, input: 1 }] })] };
    expect(await importXlsx(await exportXlsx(data))).toEqual(data);
  });

  it('renames sheets Excel refuses and points formulas on every sheet at the new names', async () => {
    const data: WorkbookData = {
      sheets: [
        buildSheetData({ name: 'Plan: 2025/26', cells: [{ row: 0, col: 0, input: 5 }, { row: 0, col: 1, input: "='Plan: 2025/26'!A1+1" }] }),
        buildSheetData({ name: 'History', cells: [{ row: 0, col: 0, input: 7 }] }),
        buildSheetData({
          name: 'Summary',
          cells: [{ row: 0, col: 0, input: "=SUM('Plan: 2025/26'!A1:A3)+History!A1+\"History!A1\"" }, { row: 1, col: 0, input: '=Summary!A1' }],
        }),
      ],
    };
    const back = await importXlsx(await exportXlsx(data));
    expect(back.sheets.map((s) => s.name)).toEqual(['Plan_ 2025_26', 'History (2)', 'Summary']);
    expect(back.sheets[0]!.cells[1]!.input).toBe("='Plan_ 2025_26'!A1+1");
    expect(back.sheets[2]!.cells.map((c) => c.input)).toEqual(["=SUM('Plan_ 2025_26'!A1:A3)+'History (2)'!A1+\"History!A1\"", '=Summary!A1']);
  });
});
