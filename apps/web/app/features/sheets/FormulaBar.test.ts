import { describe, expect, it } from 'vitest';
import { parseAddress } from './FormulaBar.tsx';

describe('parseAddress', () => {
  it('reads cells and ranges, in any case and with $, and refuses the rest', () => {
    expect(parseAddress('b7')).toEqual({ row: 6, col: 1, row2: 6, col2: 1 });
    expect(parseAddress(' $AA$10:C2 ')).toEqual({ row: 1, col: 2, row2: 9, col2: 26 });
    expect(parseAddress('A0')).toBeNull();
    expect(parseAddress('Sheet1!A1')).toBeNull();
    expect(parseAddress('7B')).toBeNull();
  });
});
