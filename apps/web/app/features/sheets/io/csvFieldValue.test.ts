import { describe, expect, it } from 'vitest';
import { csvFieldValue } from './csvFieldValue.ts';

describe('csvFieldValue', () => {
  it('turns plain decimal numbers into numbers', () => {
    expect(csvFieldValue('-12.5')).toBe(-12.5);
    expect(csvFieldValue('1e3')).toBe(1000);
    expect(csvFieldValue('0')).toBe(0);
    expect(csvFieldValue('-0')).toBe(0);
    expect(Object.is(csvFieldValue('-0'), -0)).toBe(false);
    expect(csvFieldValue('0.25')).toBe(0.25);
    expect(csvFieldValue('.5')).toBe(0.5);
    expect(csvFieldValue('123456789012345')).toBe(123456789012345);
  });

  it('keeps text whose digits a number would lose', () => {
    expect(csvFieldValue('007')).toBe('007');
    expect(csvFieldValue('-007')).toBe('-007');
    expect(csvFieldValue('+33612345678')).toBe('+33612345678');
    expect(csvFieldValue('1234567890123456')).toBe('1234567890123456');
    expect(csvFieldValue('1e999')).toBe('1e999');
  });

  it('keeps other text as it is, formulas included', () => {
    expect(csvFieldValue('1,5')).toBe('1,5');
    expect(csvFieldValue(' 12')).toBe(' 12');
    expect(csvFieldValue('0x1F')).toBe('0x1F');
    expect(csvFieldValue('Infinity')).toBe('Infinity');
    expect(csvFieldValue('=SUM(A1:A3)')).toBe('=SUM(A1:A3)');
    expect(csvFieldValue('hello')).toBe('hello');
  });

  it('reads TRUE and FALSE in any case as booleans, and the empty field as no value', () => {
    expect(csvFieldValue('TRUE')).toBe(true);
    expect(csvFieldValue('false')).toBe(false);
    expect(csvFieldValue('True')).toBe(true);
    expect(csvFieldValue('')).toBeNull();
  });
});
