import { describe, expect, it } from 'vitest';
import { formatCellValue } from './formatCellValue.ts';
import type { ComputedCell } from './SheetEngine.ts';

const num = (value: number, kind: ComputedCell['kind'] = 'number'): ComputedCell => ({ value, error: false, kind });

describe('formatCellValue', () => {
  it('shows plain numbers without float noise, and booleans and text as they are', () => {
    expect(formatCellValue(num(0.1 + 0.2), undefined)).toBe('0.3');
    expect(formatCellValue(num(42), undefined)).toBe('42');
    expect(formatCellValue({ value: true, error: false, kind: 'boolean' }, undefined)).toBe('TRUE');
    expect(formatCellValue({ value: null, error: false, kind: 'empty' }, undefined)).toBe('');
  });

  it('applies number, currency, percent and date formats', () => {
    expect(formatCellValue(num(1234.5), { kind: 'number', decimals: 2, thousands: true })).toBe('1,234.50');
    expect(formatCellValue(num(1234.5), { kind: 'currency', decimals: 2, currency: 'EUR' })).toBe('€1,234.50');
    expect(formatCellValue(num(0.256), { kind: 'percent', decimals: 1 })).toBe('25.6%');
    expect(formatCellValue(num(46359), { kind: 'date' })).toBe('Dec 3, 2026');
    // A date typed as a date keeps its kind without any format.
    expect(formatCellValue(num(46359, 'date'), undefined)).toBe('Dec 3, 2026');
  });
});
