import { describe, expect, it } from 'vitest';
import { excelSheetNames } from './excelSheetNames.ts';

describe('excelSheetNames', () => {
  it('keeps valid names as they are', () => {
    expect(excelSheetNames(['Data', 'Q1 sales', "Ada's", 'Été 2024'])).toEqual(['Data', 'Q1 sales', "Ada's", 'Été 2024']);
  });

  it('replaces forbidden characters and strips quotes at either end', () => {
    expect(excelSheetNames(['a/b\\c', '[x]:y*?', "'quoted'", 'tab\there'])).toEqual(['a_b_c', '_x__y__', 'quoted', 'tab_here']);
  });

  it('cuts to 31 UTF-16 units without splitting a surrogate pair', () => {
    const [long, emoji] = excelSheetNames(['x'.repeat(40), `${'y'.repeat(30)}😀`]);
    expect(long).toBe('x'.repeat(31));
    expect(emoji).toBe('y'.repeat(30));
  });

  it('numbers names that are taken, regardless of case, keeping valid names first', () => {
    expect(excelSheetNames(['a:b', 'a_b', 'A_B'])).toEqual(['a_b (2)', 'a_b', 'A_B (3)']);
    expect(excelSheetNames(['z'.repeat(35), 'z'.repeat(32)])).toEqual(['z'.repeat(31), `${'z'.repeat(27)} (2)`]);
  });

  it('renames the reserved History and fills in empty names', () => {
    expect(excelSheetNames(['History', "''", ''])).toEqual(['History (2)', 'Sheet2', 'Sheet3']);
  });
});
