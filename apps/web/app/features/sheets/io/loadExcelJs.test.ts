import { describe, expect, it } from 'vitest';
import { loadExcelJs } from './loadExcelJs.ts';

describe('loadExcelJs', () => {
  it('loads exceljs once and hands out its API', async () => {
    const first = loadExcelJs();
    expect(loadExcelJs()).toBe(first);
    const excel = await first;
    expect(typeof excel.Workbook).toBe('function');
    expect(excel.ValueType.Merge).toBe(1);
  });
});
