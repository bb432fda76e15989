import { describe, expect, it } from 'vitest';
import { excelCellValue } from './excelCellValue.ts';

const same = (formula: string) => formula;

describe('excelCellValue', () => {
  it('writes plain inputs as they are', () => {
    expect(excelCellValue({ row: 0, col: 0, input: 12.5 }, same)).toBe(12.5);
    expect(excelCellValue({ row: 0, col: 0, input: 'text' }, same)).toBe('text');
    expect(excelCellValue({ row: 0, col: 0, input: false }, same)).toBe(false);
    expect(excelCellValue({ row: 0, col: 0, input: null }, same)).toBeNull();
    expect(excelCellValue({ row: 0, col: 0, input: '=' }, same)).toBe('=');
  });

  it('writes formulas without the = and with the known result, errors as errors', () => {
    expect(excelCellValue({ row: 0, col: 0, input: '=A1*2' }, same)).toEqual({ formula: 'A1*2' });
    expect(excelCellValue({ row: 0, col: 0, input: '=A1*2', result: 0 }, same)).toEqual({ formula: 'A1*2', result: 0 });
    expect(excelCellValue({ row: 0, col: 0, input: '=A1', result: null }, same)).toEqual({ formula: 'A1' });
    expect(excelCellValue({ row: 0, col: 0, input: '=1/0', result: '#DIV/0!' }, same)).toEqual({ formula: '1/0', result: { error: '#DIV/0!' } });
    expect(excelCellValue({ row: 0, col: 0, input: '="#x"', result: '#x' }, same)).toEqual({ formula: '"#x"', result: '#x' });
  });

  it('passes formulas through the sheet renaming', () => {
    expect(excelCellValue({ row: 0, col: 0, input: '=Old!A1' }, (f) => f.replace('Old', 'New'))).toEqual({ formula: 'New!A1' });
  });
});
