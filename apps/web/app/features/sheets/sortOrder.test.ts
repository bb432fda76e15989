import { describe, expect, it } from 'vitest';
import { sortOrder } from './sortOrder.ts';

describe('sortOrder', () => {
  it('sorts numbers before text, keeps the header and puts empty cells last either way', () => {
    const values = ['Name', 'pear', 10, null, 'Apple', 2, '', 'apple 10', 'apple 9'];
    expect(sortOrder(values, 1, false).map((i) => values[i])).toEqual(['Name', 2, 10, 'Apple', 'apple 9', 'apple 10', 'pear', null, '']);
    expect(sortOrder(values, 1, true).map((i) => values[i])).toEqual(['Name', 'pear', 'apple 10', 'apple 9', 'Apple', 10, 2, null, '']);
  });

  it('is stable for equal values', () => {
    expect(sortOrder([1, 1, 0, 1], 0, false)).toEqual([2, 0, 1, 3]);
    expect(sortOrder([1, 1, 0, 1], 0, true)).toEqual([0, 1, 3, 2]);
  });
});
