import { describe, expect, it } from 'vitest';
import { exportXlsx } from './exportXlsx.ts';
import { loadExcelJs } from './loadExcelJs.ts';
import { buildSampleWorkbook } from './testing/buildSampleWorkbook.ts';
import { zipPartText } from './testing/zipPartText.ts';

const readBack = async (bytes: Uint8Array) => {
  const excel = await loadExcelJs();
  const workbook = new excel.Workbook();
  await workbook.xlsx.load(bytes as never);
  return workbook;
};

describe('exportXlsx', () => {
  it('writes a zip that exceljs reads, sheets in order', async () => {
    const bytes = await exportXlsx(buildSampleWorkbook());
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect((await readBack(bytes)).worksheets.map((ws) => ws.name)).toEqual(['Data', 'Q1 sales']);
  });

  it('writes formulas without the = and with known results cached, and asks Excel to recalculate', async () => {
    const bytes = await exportXlsx(buildSampleWorkbook());
    const workbook = await readBack(bytes);
    const sales = workbook.getWorksheet('Q1 sales')!;
    expect(sales.getCell('A1').formula).toBe('SUM(Data!A1:A3)');
    expect(sales.getCell('A1').result).toBe(1197.5);
    expect(sales.getCell('A2').result).toBe(true);
    expect(await zipPartText(bytes, 'xl/workbook.xml')).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });

  it('writes Excel units: width in characters, height in points, frozen panes as a view', async () => {
    const data = (await readBack(await exportXlsx(buildSampleWorkbook()))).getWorksheet('Data')!;
    expect(data.getColumn(1).width).toBeCloseTo((120 - 5) / 7);
    expect(data.getRow(1).height).toBe(24);
    expect(data.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2' });
    expect(data.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect(data.getCell('A2').numFmt).toBe('"€"#,##0.00');
  });

  it('writes an empty workbook sheet by sheet, including empty sheets', async () => {
    const workbook = await readBack(await exportXlsx({ sheets: [{ ...buildSampleWorkbook().sheets[0]!, cells: [], merges: [] }] }));
    expect(workbook.worksheets).toHaveLength(1);
  });
});
