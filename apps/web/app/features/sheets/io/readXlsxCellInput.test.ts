import { describe, expect, it } from 'vitest';
import { loadExcelJs } from './loadExcelJs.ts';
import { readXlsxCellInput } from './readXlsxCellInput.ts';

describe('readXlsxCellInput', () => {
  it('reads a formula as = and its text, and a shared formula that lost its master as its result', async () => {
    const excel = await loadExcelJs();
    const sheet = new excel.Workbook().addWorksheet('S');
    sheet.getCell('A1').value = { formula: 'SUM(B1:B2)', result: 3 };
    sheet.getCell('A2').value = { sharedFormula: 'Z99', result: 5 } as never;
    sheet.getCell('A3').value = { sharedFormula: 'Z99', result: { error: '#REF!' } } as never;
    sheet.getCell('A4').value = { sharedFormula: 'Z99', result: new Date(Date.UTC(1970, 0, 2)) } as never;
    expect(readXlsxCellInput(sheet.getCell('A1'), excel)).toBe('=SUM(B1:B2)');
    expect(readXlsxCellInput(sheet.getCell('A2'), excel)).toBe(5);
    expect(readXlsxCellInput(sheet.getCell('A3'), excel)).toBe('#REF!');
    expect(readXlsxCellInput(sheet.getCell('A4'), excel)).toBe(25570);
    expect(readXlsxCellInput(sheet.getCell('A5'), excel)).toBeNull();
  });
});
