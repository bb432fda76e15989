import { describe, expect, it } from 'vitest';
import { excelFutureFunctions } from './excelFutureFunctions.ts';

describe('excelFutureFunctions', () => {
  it('prefixes functions newer than Excel 2007, and nothing in strings, names or older functions', () => {
    expect(excelFutureFunctions('XLOOKUP("fig",A1:A3,B1:B3)+SUM(IFS(A1>1,2))')).toBe('_xlfn.XLOOKUP("fig",A1:A3,B1:B3)+SUM(_xlfn.IFS(A1>1,2))');
    expect(excelFutureFunctions('"XLOOKUP(x)"&\'CONCAT(\'!A1&stdev.s(A1:A2)')).toBe('"XLOOKUP(x)"&\'CONCAT(\'!A1&_xlfn.stdev.s(A1:A2)');
    expect(excelFutureFunctions('VLOOKUP(A1,B1:C3,2,FALSE)')).toBe('VLOOKUP(A1,B1:C3,2,FALSE)');
  });
});
