import { describe, expect, it } from 'vitest';
import { parseTypedInput } from './parseTypedInput.ts';

describe('parseTypedInput', () => {
  it('makes plain numbers numbers, and keeps what a spreadsheet keeps as text', () => {
    expect(parseTypedInput('42')).toBe(42);
    expect(parseTypedInput(' -1.5e3 ')).toBe(-1500);
    expect(parseTypedInput('007')).toBe('007');
    expect(parseTypedInput('4155550123456789')).toBe('4155550123456789');
    expect(parseTypedInput('=A1*2')).toBe('=A1*2');
    expect(parseTypedInput('12%')).toBe('12%');
    expect(parseTypedInput('')).toBeNull();
    expect(parseTypedInput('   ')).toBeNull();
    expect(parseTypedInput(null)).toBeNull();
  });
});
