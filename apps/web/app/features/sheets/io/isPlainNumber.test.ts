import { describe, expect, it } from 'vitest';
import { isPlainNumber } from './isPlainNumber.ts';

describe('isPlainNumber', () => {
  it('accepts decimal notation with sign and exponent', () => {
    for (const text of ['1', '-1', '+1', '1.', '.5', '-12.50', '1e3', '1E-3', '-2.5e+10']) expect(isPlainNumber(text), text).toBe(true);
  });
  it('refuses everything else', () => {
    for (const text of ['', '-', '.', 'e3', '1e', '1,000', '1 000', ' 1', '0x10', 'Infinity', 'NaN', '1-2', '--1', '=1']) expect(isPlainNumber(text), text).toBe(false);
  });
});
