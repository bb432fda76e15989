import { describe, expect, it } from 'vitest';
import { loadExcelJs } from './loadExcelJs.ts';
import { readXlsxSheet } from './readXlsxSheet.ts';

const worksheet = async () => {
  const excel = await loadExcelJs();
  const sheet = new excel.Workbook().addWorksheet('Live');
  return { excel, sheet };
};

describe('readXlsxSheet', () => {
  it('counts cells against a budget shared by the sheets of one import', async () => {
    const { excel, sheet } = await worksheet();
    sheet.getCell('A1').value = 1;
    sheet.getCell('A2').value = 2;
    const budget = { left: 3 };
    expect(readXlsxSheet(sheet, excel, budget).cells).toHaveLength(2);
    expect(budget.left).toBe(1);
    expect(() => readXlsxSheet(sheet, excel, budget)).toThrow(expect.objectContaining({ code: 'TOO_MANY_CELLS', limit: 'MAX_CELLS' }));
  });

  it('reads merges from any cell of them, and creates no cells while reading', async () => {
    const { excel, sheet } = await worksheet();
    sheet.mergeCells('B2:D5');
    sheet.getCell('B2').value = 'top left';
    const before = sheet.rowCount;
    const read = readXlsxSheet(sheet, excel, { left: 10 });
    expect(read.merges).toEqual([{ row: 1, col: 1, rowspan: 4, colspan: 3 }]);
    expect(read.cells).toEqual([{ row: 1, col: 1, input: 'top left' }]);
    expect(sheet.rowCount).toBe(before);
    expect(sheet.findRow(50)).toBeUndefined();
  });

  it('reads frozen panes, growing the sheet to hold them', async () => {
    const { excel, sheet } = await worksheet();
    sheet.views = [{ state: 'frozen', xSplit: 30, ySplit: 2 }];
    expect(readXlsxSheet(sheet, excel, { left: 10 })).toMatchObject({ frozenRows: 2, frozenCols: 30, rowCount: 100, colCount: 30 });
    sheet.views = [{ state: 'split', xSplit: 3000, ySplit: 2000 }];
    expect(readXlsxSheet(sheet, excel, { left: 10 })).toMatchObject({ frozenRows: 0, frozenCols: 0 });
  });
});
